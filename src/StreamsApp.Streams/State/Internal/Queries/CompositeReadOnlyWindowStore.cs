namespace StreamsApp.Streams.State.Internal.Queries;

/// <summary>A window store of an interactive query over every local store of one name; see <see cref="CompositeReadOnlyKeyValueStore{TKey, TValue}"/>.</summary>
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

    public IWindowStoreIterator<TValue> Fetch(TKey key, long timeFromMs, long timeToMs) =>
        Materialized.ConcatWindows(provider.Read(store => Materialized.Read(view(store).Fetch(key, timeFromMs, timeToMs))));

    public IWindowStoreIterator<TValue> BackwardFetch(TKey key, long timeFromMs, long timeToMs) =>
        Materialized.ConcatWindows(provider.Read(store => Materialized.Read(view(store).BackwardFetch(key, timeFromMs, timeToMs))));

    public IKeyValueIterator<Windowed<TKey>, TValue> Fetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Materialized.Concat(provider.Read(store => Materialized.Read(view(store).Fetch(keyFrom, keyTo, timeFromMs, timeToMs))));

    public IKeyValueIterator<Windowed<TKey>, TValue> BackwardFetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Materialized.Concat(provider.Read(store => Materialized.Read(view(store).BackwardFetch(keyFrom, keyTo, timeFromMs, timeToMs))));

    public IKeyValueIterator<Windowed<TKey>, TValue> FetchAll(long timeFromMs, long timeToMs) =>
        Materialized.Concat(provider.Read(store => Materialized.Read(view(store).FetchAll(timeFromMs, timeToMs))));

    public IKeyValueIterator<Windowed<TKey>, TValue> BackwardFetchAll(long timeFromMs, long timeToMs) =>
        Materialized.Concat(provider.Read(store => Materialized.Read(view(store).BackwardFetchAll(timeFromMs, timeToMs))));

    public IKeyValueIterator<Windowed<TKey>, TValue> All() => Materialized.Concat(provider.Read(store => Materialized.Read(view(store).All())));

    public IKeyValueIterator<Windowed<TKey>, TValue> BackwardAll() =>
        Materialized.Concat(provider.Read(store => Materialized.Read(view(store).BackwardAll())));
}
