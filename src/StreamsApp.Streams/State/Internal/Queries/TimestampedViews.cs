using Confluent.Kafka;

namespace StreamsApp.Streams.State.Internal.Queries;

/// <summary>A timestamped key-value store read as a plain one (Kafka Streams' <c>ReadOnlyKeyValueStoreFacade</c>).</summary>
internal sealed class TimestampedKeyValueView<TKey, TValue>(IReadOnlyKeyValueStore<TKey, ValueAndTimestamp<TValue>> inner)
    : IReadOnlyKeyValueStore<TKey, TValue>
{
    public bool TryGet(TKey key, out TValue value)
    {
        var found = inner.TryGet(key, out var stored);
        value = stored.Value;
        return found;
    }

    public IKeyValueEnumerable<TKey, TValue> Range(TKey? from, TKey? to) => Values(inner.Range(from, to));

    public IKeyValueEnumerable<TKey, TValue> ReverseRange(TKey? from, TKey? to) => Values(inner.ReverseRange(from, to));

    public IKeyValueEnumerable<TKey, TValue> All() => Values(inner.All());

    public IKeyValueEnumerable<TKey, TValue> ReverseAll() => Values(inner.ReverseAll());

    public IKeyValueEnumerable<TKey, TValue> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer) =>
        Values(inner.PrefixScan(prefix, prefixSerializer));

    public long ApproximateNumEntries => inner.ApproximateNumEntries;

    private static MappedEnumerable<TKey, ValueAndTimestamp<TValue>, TKey, TValue> Values(IKeyValueEnumerable<TKey, ValueAndTimestamp<TValue>> stored) =>
        new(stored, static key => key, static value => value.Value);
}

/// <summary>A timestamped window store read as a plain one (Kafka Streams' <c>ReadOnlyWindowStoreFacade</c>).</summary>
internal sealed class TimestampedWindowView<TKey, TValue>(IReadOnlyWindowStore<TKey, ValueAndTimestamp<TValue>> inner)
    : IReadOnlyWindowStore<TKey, TValue>
{
    public bool TryFetch(TKey key, long windowStartMs, out TValue value)
    {
        var found = inner.TryFetch(key, windowStartMs, out var stored);
        value = stored.Value;
        return found;
    }

    public IKeyValueEnumerable<long, TValue> Fetch(TKey key, long timeFromMs, long timeToMs) => Values(inner.Fetch(key, timeFromMs, timeToMs));

    public IKeyValueEnumerable<long, TValue> BackwardFetch(TKey key, long timeFromMs, long timeToMs) => Values(inner.BackwardFetch(key, timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> Fetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Values(inner.Fetch(keyFrom, keyTo, timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardFetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Values(inner.BackwardFetch(keyFrom, keyTo, timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> FetchAll(long timeFromMs, long timeToMs) => Values(inner.FetchAll(timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardFetchAll(long timeFromMs, long timeToMs) => Values(inner.BackwardFetchAll(timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> All() => Values(inner.All());

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardAll() => Values(inner.BackwardAll());

    private static MappedEnumerable<TEntryKey, ValueAndTimestamp<TValue>, TEntryKey, TValue> Values<TEntryKey>(
        IKeyValueEnumerable<TEntryKey, ValueAndTimestamp<TValue>> stored) =>
        new(stored, static key => key, static value => value.Value);
}
