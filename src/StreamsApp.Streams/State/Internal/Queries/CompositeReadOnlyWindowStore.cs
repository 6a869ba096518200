namespace StreamsApp.Streams.State.Internal.Queries;

/// <summary>
/// A window store of an interactive query over every local store of one name; see
/// <see cref="CompositeReadOnlyKeyValueStore{TKey, TValue}"/>. Fetches are read whole (<see cref="Materialized"/>);
/// single-key ones reject a null key at the call, since the stores are read only when the result is enumerated.
/// </summary>
internal sealed class CompositeReadOnlyWindowStore<TKey, TValue>(
    IQueryableStoreProvider provider, Func<IStateStore, IReadOnlyWindowStore<TKey, TValue>> view) : IReadOnlyWindowStore<TKey, TValue>
{
    public bool TryFetch(TKey key, long windowStartMs, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var (found, stored) in provider.Read(store => view(store).TryFetch(key, windowStartMs, out var v) ? (true, v) : (false, default(TValue)!)))
        {
            if (found)
            {
                value = stored;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public IKeyValueEnumerable<long, TValue> Fetch(TKey key, long timeFromMs, long timeToMs)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Read(store => store.Fetch(key, timeFromMs, timeToMs));
    }

    public IKeyValueEnumerable<long, TValue> BackwardFetch(TKey key, long timeFromMs, long timeToMs)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Read(store => store.BackwardFetch(key, timeFromMs, timeToMs));
    }

    public IKeyValueEnumerable<Windowed<TKey>, TValue> Fetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Read(store => store.Fetch(keyFrom, keyTo, timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardFetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Read(store => store.BackwardFetch(keyFrom, keyTo, timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> FetchAll(long timeFromMs, long timeToMs) => Read(store => store.FetchAll(timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardFetchAll(long timeFromMs, long timeToMs) =>
        Read(store => store.BackwardFetchAll(timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> All() => Read(store => store.All());

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardAll() => Read(store => store.BackwardAll());

    private DeferredKeyValueEnumerable<TEntryKey, TValue> Read<TEntryKey>(Func<IReadOnlyWindowStore<TKey, TValue>, IKeyValueEnumerable<TEntryKey, TValue>> query) =>
        Materialized.Concat(provider, view, query);
}
