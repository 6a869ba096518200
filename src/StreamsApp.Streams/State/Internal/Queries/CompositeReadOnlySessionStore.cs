namespace StreamsApp.Streams.State.Internal.Queries;

/// <summary>
/// A session store of an interactive query over every local store of one name; see
/// <see cref="CompositeReadOnlyKeyValueStore{TKey, TValue}"/>. Fetches are read whole (<see cref="Materialized"/>);
/// single-key ones reject a null key at the call, since the stores are read only when the result is enumerated.
/// </summary>
internal sealed class CompositeReadOnlySessionStore<TKey, TAggregate>(
    IQueryableStoreProvider provider, Func<IStateStore, IReadOnlySessionStore<TKey, TAggregate>> view) : IReadOnlySessionStore<TKey, TAggregate>
{
    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> FindSessions(TKey key, long earliestSessionEndMs, long latestSessionStartMs)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Read(store => store.FindSessions(key, earliestSessionEndMs, latestSessionStartMs));
    }

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFindSessions(TKey key, long earliestSessionEndMs, long latestSessionStartMs)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Read(store => store.BackwardFindSessions(key, earliestSessionEndMs, latestSessionStartMs));
    }

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> FindSessions(TKey? keyFrom, TKey? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        Read(store => store.FindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs));

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFindSessions(TKey? keyFrom, TKey? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        Read(store => store.BackwardFindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs));

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> Fetch(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Read(store => store.Fetch(key));
    }

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFetch(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Read(store => store.BackwardFetch(key));
    }

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> Fetch(TKey? keyFrom, TKey? keyTo) => Read(store => store.Fetch(keyFrom, keyTo));

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFetch(TKey? keyFrom, TKey? keyTo) => Read(store => store.BackwardFetch(keyFrom, keyTo));

    public bool TryFetchSession(TKey key, long startMs, long endMs, out TAggregate aggregate)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var (found, stored) in provider.Read(store => view(store).TryFetchSession(key, startMs, endMs, out var a) ? (true, a) : (false, default(TAggregate)!)))
        {
            if (found)
            {
                aggregate = stored;
                return true;
            }
        }

        aggregate = default!;
        return false;
    }

    private DeferredKeyValueEnumerable<Windowed<TKey>, TAggregate> Read(Func<IReadOnlySessionStore<TKey, TAggregate>, IKeyValueEnumerable<Windowed<TKey>, TAggregate>> query) =>
        Materialized.Concat(provider, view, query);
}
