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

    public IKeyValueIterator<TKey, TValue> Range(TKey? from, TKey? to) => Values(inner.Range(from, to));

    public IKeyValueIterator<TKey, TValue> ReverseRange(TKey? from, TKey? to) => Values(inner.ReverseRange(from, to));

    public IKeyValueIterator<TKey, TValue> All() => Values(inner.All());

    public IKeyValueIterator<TKey, TValue> ReverseAll() => Values(inner.ReverseAll());

    public IKeyValueIterator<TKey, TValue> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer) =>
        Values(inner.PrefixScan(prefix, prefixSerializer));

    public long ApproximateNumEntries => inner.ApproximateNumEntries;

    private static MappedIterator<TKey, ValueAndTimestamp<TValue>, TKey, TValue> Values(IKeyValueIterator<TKey, ValueAndTimestamp<TValue>> iterator) =>
        new(iterator, key => key, stored => stored.Value);
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

    public IWindowStoreIterator<TValue> Fetch(TKey key, long timeFromMs, long timeToMs) => Values(inner.Fetch(key, timeFromMs, timeToMs));

    public IWindowStoreIterator<TValue> BackwardFetch(TKey key, long timeFromMs, long timeToMs) => Values(inner.BackwardFetch(key, timeFromMs, timeToMs));

    public IKeyValueIterator<Windowed<TKey>, TValue> Fetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Values(inner.Fetch(keyFrom, keyTo, timeFromMs, timeToMs));

    public IKeyValueIterator<Windowed<TKey>, TValue> BackwardFetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Values(inner.BackwardFetch(keyFrom, keyTo, timeFromMs, timeToMs));

    public IKeyValueIterator<Windowed<TKey>, TValue> FetchAll(long timeFromMs, long timeToMs) => Values(inner.FetchAll(timeFromMs, timeToMs));

    public IKeyValueIterator<Windowed<TKey>, TValue> BackwardFetchAll(long timeFromMs, long timeToMs) => Values(inner.BackwardFetchAll(timeFromMs, timeToMs));

    public IKeyValueIterator<Windowed<TKey>, TValue> All() => Values(inner.All());

    public IKeyValueIterator<Windowed<TKey>, TValue> BackwardAll() => Values(inner.BackwardAll());

    private static MappedWindowStoreIterator<long, ValueAndTimestamp<TValue>, TValue> Values(IWindowStoreIterator<ValueAndTimestamp<TValue>> iterator) =>
        new(iterator, start => start, stored => stored.Value);

    private static MappedIterator<Windowed<TKey>, ValueAndTimestamp<TValue>, Windowed<TKey>, TValue> Values(
        IKeyValueIterator<Windowed<TKey>, ValueAndTimestamp<TValue>> iterator) =>
        new(iterator, key => key, stored => stored.Value);
}
