using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// A write-back cache in front of a session byte store, as Kafka Streams' <c>CachingSessionStore</c>: puts and
/// removes coalesce per session in the thread cache and reach the store (and its changelog) on commit or eviction,
/// when the flush listener forwards them; a removed session that never reached the store is not forwarded at all.
/// Reads merge cache and store in the store's order, cached removes hiding stored sessions.
/// </summary>
internal sealed class CachingSessionStore : ISessionStore<byte[], byte[]>, ICachingStateStore, ICacheBackedStore<Windowed<byte[]>>
{
    private readonly ISessionStore<byte[], byte[]> _inner;
    private readonly SegmentedCacheKeys _keys;
    private readonly StoreCache<Windowed<byte[]>> _cache;

    public CachingSessionStore(ISessionStore<byte[], byte[]> inner, long segmentIntervalMs, long retentionMs)
    {
        _inner = inner;
        _keys = new SegmentedCacheKeys(SessionKeySchema.Instance, segmentIntervalMs, retentionMs);
        _cache = new StoreCache<Windowed<byte[]>>(inner.Name, this);
    }

    public string Name => _inner.Name;

    public bool Persistent => _inner.Persistent;

    public bool IsOpen => _inner.IsOpen;

    /// <summary>The layer below.</summary>
    public ISessionStore<byte[], byte[]> Inner => _inner;

    /// <summary>Sets who receives flushed writes; <paramref name="sendOldValues"/> asks for old values too.</summary>
    public void SetFlushListener(RawFlushListener<Windowed<byte[]>> listener, bool sendOldValues) => _cache.SetFlushListener(listener, sendOldValues);

    public void Init(IStateStoreContext context, IStateStore root)
    {
        _cache.Init(context);
        _inner.Init(context, root);
    }

    public void Put(Windowed<byte[]> sessionKey, byte[]? aggregate) =>
        _cache.PutDirty(_keys.ForWrite(SegmentedSessionStore.StoreKey(sessionKey)), aggregate);

    public void Remove(Windowed<byte[]> sessionKey) => Put(sessionKey, null);

    public bool TryFetchSession(byte[] key, long startMs, long endMs, out byte[] aggregate)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_cache.Get(_keys.CacheKey(SessionKeySchema.ToBinary(key, startMs, endMs))) is { } entry)
        {
            aggregate = entry.Value!;
            return entry.Value is not null;
        }

        return _inner.TryFetchSession(key, startMs, endMs, out aggregate);
    }

    public IKeyValueIterator<Windowed<byte[]>, byte[]> FindSessions(byte[] key, long earliestSessionEndMs, long latestSessionStartMs) =>
        FindSessions(RequireKey(key), key, earliestSessionEndMs, latestSessionStartMs);

    public IKeyValueIterator<Windowed<byte[]>, byte[]> BackwardFindSessions(byte[] key, long earliestSessionEndMs, long latestSessionStartMs) =>
        BackwardFindSessions(RequireKey(key), key, earliestSessionEndMs, latestSessionStartMs);

    public IKeyValueIterator<Windowed<byte[]>, byte[]> FindSessions(byte[]? keyFrom, byte[]? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        Merged(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs,
            _inner.FindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs), reverse: false);

    public IKeyValueIterator<Windowed<byte[]>, byte[]> BackwardFindSessions(byte[]? keyFrom, byte[]? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        Merged(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs,
            _inner.BackwardFindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs), reverse: true);

    public IKeyValueIterator<Windowed<byte[]>, byte[]> Fetch(byte[] key) => FindSessions(key, 0, long.MaxValue);

    public IKeyValueIterator<Windowed<byte[]>, byte[]> BackwardFetch(byte[] key) => BackwardFindSessions(key, 0, long.MaxValue);

    public IKeyValueIterator<Windowed<byte[]>, byte[]> Fetch(byte[]? keyFrom, byte[]? keyTo) => FindSessions(keyFrom, keyTo, 0, long.MaxValue);

    public IKeyValueIterator<Windowed<byte[]>, byte[]> BackwardFetch(byte[]? keyFrom, byte[]? keyTo) => BackwardFindSessions(keyFrom, keyTo, 0, long.MaxValue);

    public void FlushCache() => _cache.Flush();

    public void Flush()
    {
        _cache.Flush();
        _inner.Flush();
    }

    public void Close()
    {
        _cache.Close();
        _inner.Close();
    }

    bool ICacheBackedStore<Windowed<byte[]>>.TryGetStored(byte[] cacheKey, out byte[] value)
    {
        var storeKey = SegmentedCacheKeys.StoreKey(cacheKey);
        return _inner.TryFetchSession(
            SessionKeySchema.ExtractKey(storeKey), SessionKeySchema.ExtractStart(storeKey), SessionKeySchema.ExtractEnd(storeKey), out value);
    }

    void ICacheBackedStore<Windowed<byte[]>>.PutStored(byte[] cacheKey, byte[]? value)
    {
        var session = SessionOf(cacheKey);
        if (value is null)
        {
            _inner.Remove(session);
        }
        else
        {
            _inner.Put(session, value);
        }
    }

    Windowed<byte[]> ICacheBackedStore<Windowed<byte[]>>.FlushedKey(byte[] cacheKey) => SessionOf(cacheKey);

    private static Windowed<byte[]> SessionOf(byte[] cacheKey)
    {
        var storeKey = SegmentedCacheKeys.StoreKey(cacheKey);
        return new Windowed<byte[]>(SessionKeySchema.ExtractKey(storeKey), SessionKeySchema.ExtractWindow(storeKey));
    }

    private static byte[] RequireKey(byte[] key) => key ?? throw new ArgumentNullException(nameof(key));

    private MergedCacheIterator<Windowed<byte[]>> Merged(
        byte[]? keyFrom, byte[]? keyTo, long earliestSessionEndMs, long latestSessionStartMs, IKeyValueIterator<Windowed<byte[]>, byte[]> stored, bool reverse) =>
        new(
            _keys.Fetch(_cache, keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs),
            stored,
            reverse,
            session => _keys.CacheKey(SegmentedSessionStore.StoreKey(session)),
            SessionOf);
}
