using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// A write-back cache in front of a window byte store, as Kafka Streams' <c>CachingWindowStore</c>: puts coalesce per
/// key and window in the thread cache and reach the store (and its changelog) on commit or eviction, when the flush
/// listener forwards them. Reads merge cache and store in the store's order. Only for stores without duplicates
/// (whose puts never overwrite, so there is nothing to coalesce).
/// </summary>
internal sealed class CachingWindowStore : IWindowStore<byte[], byte[]>, ICachingStateStore, ICacheBackedStore<Windowed<byte[]>>
{
    private readonly IWindowStore<byte[], byte[]> _inner;
    private readonly long _windowSizeMs;
    private readonly SegmentedCacheKeys _keys;
    private readonly StoreCache<Windowed<byte[]>> _cache;

    public CachingWindowStore(IWindowStore<byte[], byte[]> inner, long windowSizeMs, long segmentIntervalMs, long retentionMs)
    {
        _inner = inner;
        _windowSizeMs = windowSizeMs;
        _keys = new SegmentedCacheKeys(WindowKeySchema.Instance, segmentIntervalMs, retentionMs);
        _cache = new StoreCache<Windowed<byte[]>>(inner.Name, this);
    }

    public string Name => _inner.Name;

    public bool Persistent => _inner.Persistent;

    public bool IsOpen => _inner.IsOpen;

    /// <summary>The layer below.</summary>
    public IWindowStore<byte[], byte[]> Inner => _inner;

    /// <summary>Sets who receives flushed writes; <paramref name="sendOldValues"/> asks for old values too.</summary>
    public void SetFlushListener(RawFlushListener<Windowed<byte[]>> listener, bool sendOldValues) => _cache.SetFlushListener(listener, sendOldValues);

    public void Init(IStateStoreContext context, IStateStore root)
    {
        _cache.Init(context);
        _inner.Init(context, root);
    }

    public void Put(byte[] key, byte[]? value, long windowStartMs)
    {
        ArgumentNullException.ThrowIfNull(key);
        _cache.PutDirty(_keys.ForWrite(WindowKeySchema.ToStoreKeyBinary(key, windowStartMs, 0)), value);
    }

    // No fill on a miss, as Kafka Streams: window reads mostly touch each window once.
    public bool TryFetch(byte[] key, long windowStartMs, out byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_cache.Get(_keys.CacheKey(WindowKeySchema.ToStoreKeyBinary(key, windowStartMs, 0))) is { } entry)
        {
            value = entry.Value!;
            return entry.Value is not null;
        }

        return _inner.TryFetch(key, windowStartMs, out value);
    }

    public IWindowStoreIterator<byte[]> Fetch(byte[] key, long timeFromMs, long timeToMs) =>
        Starts(Fetch(RequireKey(key), key, timeFromMs, timeToMs));

    public IWindowStoreIterator<byte[]> BackwardFetch(byte[] key, long timeFromMs, long timeToMs) =>
        Starts(BackwardFetch(RequireKey(key), key, timeFromMs, timeToMs));

    public IKeyValueIterator<Windowed<byte[]>, byte[]> Fetch(byte[]? keyFrom, byte[]? keyTo, long timeFromMs, long timeToMs) =>
        Merged(keyFrom, keyTo, timeFromMs, timeToMs, _inner.Fetch(keyFrom, keyTo, timeFromMs, timeToMs), reverse: false);

    public IKeyValueIterator<Windowed<byte[]>, byte[]> BackwardFetch(byte[]? keyFrom, byte[]? keyTo, long timeFromMs, long timeToMs) =>
        Merged(keyFrom, keyTo, timeFromMs, timeToMs, _inner.BackwardFetch(keyFrom, keyTo, timeFromMs, timeToMs), reverse: true);

    public IKeyValueIterator<Windowed<byte[]>, byte[]> FetchAll(long timeFromMs, long timeToMs) =>
        Merged(null, null, timeFromMs, timeToMs, _inner.FetchAll(timeFromMs, timeToMs), reverse: false);

    public IKeyValueIterator<Windowed<byte[]>, byte[]> BackwardFetchAll(long timeFromMs, long timeToMs) =>
        Merged(null, null, timeFromMs, timeToMs, _inner.BackwardFetchAll(timeFromMs, timeToMs), reverse: true);

    public IKeyValueIterator<Windowed<byte[]>, byte[]> All() => Merged(null, null, 0, long.MaxValue, _inner.All(), reverse: false);

    public IKeyValueIterator<Windowed<byte[]>, byte[]> BackwardAll() => Merged(null, null, 0, long.MaxValue, _inner.BackwardAll(), reverse: true);

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
        return _inner.TryFetch(WindowKeySchema.ExtractKey(storeKey), WindowKeySchema.ExtractWindowStart(storeKey), out value);
    }

    void ICacheBackedStore<Windowed<byte[]>>.PutStored(byte[] cacheKey, byte[]? value)
    {
        var storeKey = SegmentedCacheKeys.StoreKey(cacheKey);
        _inner.Put(WindowKeySchema.ExtractKey(storeKey), value, WindowKeySchema.ExtractWindowStart(storeKey));
    }

    Windowed<byte[]> ICacheBackedStore<Windowed<byte[]>>.FlushedKey(byte[] cacheKey) => WindowOf(cacheKey);

    private Windowed<byte[]> WindowOf(byte[] cacheKey)
    {
        var storeKey = SegmentedCacheKeys.StoreKey(cacheKey);
        return new Windowed<byte[]>(
            WindowKeySchema.ExtractKey(storeKey), WindowKeySchema.WindowFor(WindowKeySchema.ExtractWindowStart(storeKey), _windowSizeMs));
    }

    private MergedCacheIterator<Windowed<byte[]>> Merged(
        byte[]? keyFrom, byte[]? keyTo, long timeFromMs, long timeToMs, IKeyValueIterator<Windowed<byte[]>, byte[]> stored, bool reverse) =>
        new(
            _keys.Fetch(_cache, keyFrom, keyTo, timeFromMs, timeToMs),
            stored,
            reverse,
            window => _keys.CacheKey(WindowKeySchema.ToStoreKeyBinary(window.Key, window.Window.StartMs, 0)),
            WindowOf);

    private static byte[] RequireKey(byte[] key) => key ?? throw new ArgumentNullException(nameof(key));

    private static MappedWindowStoreIterator<Windowed<byte[]>, byte[], byte[]> Starts(IKeyValueIterator<Windowed<byte[]>, byte[]> windows) =>
        new(windows, window => window.Window.StartMs, value => value);
}
