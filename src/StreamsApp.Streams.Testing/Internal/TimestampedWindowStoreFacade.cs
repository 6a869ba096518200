using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.Testing.Internal;

/// <summary>Shows a timestamped window store as a plain one (values without timestamps), as Kafka Streams' driver does.</summary>
internal sealed class TimestampedWindowStoreFacade<TKey, TValue>(ITimestampedWindowStore<TKey, TValue> inner) : IWindowStore<TKey, TValue>
{
    public string Name => inner.Name;

    public bool Persistent => inner.Persistent;

    public bool IsOpen => inner.IsOpen;

    public void Init(IStateStoreContext context, IStateStore root) => inner.Init(context, root);

    public void Flush() => inner.Flush();

    public void Close() => inner.Close();

    /// <summary>
    /// Writes the value stamped with its window start, as Kafka Streams' driver facade does. A null value goes
    /// down as a null inner value, which the timestamped serde writes as null bytes: a delete.
    /// </summary>
    public void Put(TKey key, TValue? value, long windowStartMs) =>
        inner.Put(key, new ValueAndTimestamp<TValue>(value!, windowStartMs), windowStartMs);

    public bool TryFetch(TKey key, long windowStartMs, out TValue value)
    {
        var found = inner.TryFetch(key, windowStartMs, out var stored);
        value = stored.Value;
        return found;
    }

    public IKeyValueEnumerable<long, TValue> Fetch(TKey key, long timeFromMs, long timeToMs) => Plain(inner.Fetch(key, timeFromMs, timeToMs));

    public IKeyValueEnumerable<long, TValue> BackwardFetch(TKey key, long timeFromMs, long timeToMs) =>
        Plain(inner.BackwardFetch(key, timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> Fetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Plain(inner.Fetch(keyFrom, keyTo, timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardFetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Plain(inner.BackwardFetch(keyFrom, keyTo, timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> FetchAll(long timeFromMs, long timeToMs) => Plain(inner.FetchAll(timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardFetchAll(long timeFromMs, long timeToMs) =>
        Plain(inner.BackwardFetchAll(timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> All() => Plain(inner.All());

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardAll() => Plain(inner.BackwardAll());

    private static MappedEnumerable<TEntryKey, ValueAndTimestamp<TValue>, TEntryKey, TValue> Plain<TEntryKey>(
        IKeyValueEnumerable<TEntryKey, ValueAndTimestamp<TValue>> stored) => new(stored, static key => key, static value => value.Value);
}
