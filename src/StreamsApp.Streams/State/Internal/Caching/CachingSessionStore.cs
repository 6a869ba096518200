using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// A write-back cache in front of a session byte store, as Kafka Streams' <c>CachingSessionStore</c>: puts and
/// removes coalesce per session in the thread cache and reach the store (and its changelog) on commit or eviction,
/// when the flush listener forwards them; a removed session that never reached the store is not forwarded at all.
/// Reads merge cache and store in the store's order, cached removes hiding stored sessions.
/// </summary>
internal sealed class CachingSessionStore : CachingSegmentedStore<ISessionStore<byte[], byte[]>>, ISessionStore<byte[], byte[]>
{
    public CachingSessionStore(ISessionStore<byte[], byte[]> inner, long segmentIntervalMs)
        : base(inner, SessionKeySchema.Instance, segmentIntervalMs)
    {
    }

    public void Put(Windowed<byte[]> sessionKey, byte[]? aggregate) =>
        Cache.PutDirty(Keys.CacheKey(SegmentedSessionStore.StoreKey(sessionKey)), aggregate);

    public void Remove(Windowed<byte[]> sessionKey) => Put(sessionKey, null);

    public bool TryFetchSession(byte[] key, long startMs, long endMs, out byte[] aggregate)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Cache.Get(Keys.CacheKey(SessionKeySchema.ToBinary(key, startMs, endMs))) is { } entry)
        {
            aggregate = entry.Value!;
            return entry.Value is not null;
        }

        return Inner.TryFetchSession(key, startMs, endMs, out aggregate);
    }

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> FindSessions(byte[] key, long earliestSessionEndMs, long latestSessionStartMs) =>
        FindSessions(RequireKey(key), key, earliestSessionEndMs, latestSessionStartMs);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFindSessions(byte[] key, long earliestSessionEndMs, long latestSessionStartMs) =>
        BackwardFindSessions(RequireKey(key), key, earliestSessionEndMs, latestSessionStartMs);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> FindSessions(byte[]? keyFrom, byte[]? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        Merged(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs,
            Inner.FindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs), reverse: false);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFindSessions(byte[]? keyFrom, byte[]? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        Merged(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs,
            Inner.BackwardFindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs), reverse: true);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> Fetch(byte[] key) => FindSessions(key, 0, long.MaxValue);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFetch(byte[] key) => BackwardFindSessions(key, 0, long.MaxValue);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> Fetch(byte[]? keyFrom, byte[]? keyTo) => FindSessions(keyFrom, keyTo, 0, long.MaxValue);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFetch(byte[]? keyFrom, byte[]? keyTo) => BackwardFindSessions(keyFrom, keyTo, 0, long.MaxValue);

    public override bool TryGetStored(byte[] cacheKey, out byte[] value)
    {
        var storeKey = SegmentedCacheKeys.StoreKey(cacheKey);
        return Inner.TryFetchSession(
            SessionKeySchema.ExtractKey(storeKey), SessionKeySchema.ExtractStart(storeKey), SessionKeySchema.ExtractEnd(storeKey), out value);
    }

    // A put even for a removal (a null value removes), as Kafka Streams' flush: removing a session the store has
    // expired meanwhile then counts as a dropped write there too (ExpiredWrites).
    public override void PutStored(byte[] cacheKey, byte[]? value) => Inner.Put(SessionOf(cacheKey), value);

    public override Windowed<byte[]> FlushedKey(byte[] cacheKey) => SessionOf(cacheKey);

    private static Windowed<byte[]> SessionOf(byte[] cacheKey)
    {
        var storeKey = SegmentedCacheKeys.StoreKey(cacheKey);
        return new Windowed<byte[]>(SessionKeySchema.ExtractKey(storeKey), SessionKeySchema.ExtractWindow(storeKey));
    }

    protected override byte[] CacheKeyOf(Windowed<byte[]> stored) => Keys.CacheKey(SegmentedSessionStore.StoreKey(stored));
}
