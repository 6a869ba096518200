using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// A write-back cache in front of a window byte store, as Kafka Streams' <c>CachingWindowStore</c>: puts coalesce per
/// key and window in the thread cache and reach the store (and its changelog) on commit or eviction, when the flush
/// listener forwards them. Reads merge cache and store in the store's order. Only for stores without duplicates
/// (whose puts never overwrite, so there is nothing to coalesce).
/// </summary>
internal sealed class CachingWindowStore : CachingSegmentedStore<IWindowStore<byte[], byte[]>>, IWindowStore<byte[], byte[]>
{
    private readonly long _windowSizeMs;

    public CachingWindowStore(IWindowStore<byte[], byte[]> inner, long windowSizeMs, long segmentIntervalMs)
        : base(inner, WindowKeySchema.Instance, segmentIntervalMs) => _windowSizeMs = windowSizeMs;

    public void Put(byte[] key, byte[]? value, long windowStartMs)
    {
        ArgumentNullException.ThrowIfNull(key);
        Cache.PutDirty(Keys.CacheKey(WindowKeySchema.ToStoreKeyBinary(key, windowStartMs, 0)), value);
    }

    // No fill on a miss, as Kafka Streams: window reads mostly touch each window once.
    public bool TryFetch(byte[] key, long windowStartMs, out byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Cache.Get(Keys.CacheKey(WindowKeySchema.ToStoreKeyBinary(key, windowStartMs, 0))) is { } entry)
        {
            value = entry.Value!;
            return entry.Value is not null;
        }

        return Inner.TryFetch(key, windowStartMs, out value);
    }

    public IKeyValueEnumerable<long, byte[]> Fetch(byte[] key, long timeFromMs, long timeToMs) =>
        Starts(Fetch(RequireKey(key), key, timeFromMs, timeToMs));

    public IKeyValueEnumerable<long, byte[]> BackwardFetch(byte[] key, long timeFromMs, long timeToMs) =>
        Starts(BackwardFetch(RequireKey(key), key, timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> Fetch(byte[]? keyFrom, byte[]? keyTo, long timeFromMs, long timeToMs) =>
        Merged(keyFrom, keyTo, timeFromMs, timeToMs, Inner.Fetch(keyFrom, keyTo, timeFromMs, timeToMs), reverse: false);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFetch(byte[]? keyFrom, byte[]? keyTo, long timeFromMs, long timeToMs) =>
        Merged(keyFrom, keyTo, timeFromMs, timeToMs, Inner.BackwardFetch(keyFrom, keyTo, timeFromMs, timeToMs), reverse: true);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> FetchAll(long timeFromMs, long timeToMs) =>
        Merged(null, null, timeFromMs, timeToMs, Inner.FetchAll(timeFromMs, timeToMs), reverse: false);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFetchAll(long timeFromMs, long timeToMs) =>
        Merged(null, null, timeFromMs, timeToMs, Inner.BackwardFetchAll(timeFromMs, timeToMs), reverse: true);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> All() => Merged(null, null, 0, long.MaxValue, Inner.All(), reverse: false);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardAll() => Merged(null, null, 0, long.MaxValue, Inner.BackwardAll(), reverse: true);

    public override bool TryGetStored(byte[] cacheKey, out byte[] value)
    {
        var storeKey = SegmentedCacheKeys.StoreKey(cacheKey);
        return Inner.TryFetch(WindowKeySchema.ExtractKey(storeKey), WindowKeySchema.ExtractWindowStart(storeKey), out value);
    }

    public override void PutStored(byte[] cacheKey, byte[]? value)
    {
        var storeKey = SegmentedCacheKeys.StoreKey(cacheKey);
        Inner.Put(WindowKeySchema.ExtractKey(storeKey), value, WindowKeySchema.ExtractWindowStart(storeKey));
    }

    public override Windowed<byte[]> FlushedKey(byte[] cacheKey) => WindowOf(cacheKey);

    private Windowed<byte[]> WindowOf(byte[] cacheKey)
    {
        var storeKey = SegmentedCacheKeys.StoreKey(cacheKey);
        return new Windowed<byte[]>(
            WindowKeySchema.ExtractKey(storeKey), WindowKeySchema.WindowFor(WindowKeySchema.ExtractWindowStart(storeKey), _windowSizeMs));
    }

    protected override byte[] CacheKeyOf(Windowed<byte[]> stored) =>
        Keys.CacheKey(WindowKeySchema.ToStoreKeyBinary(stored.Key, stored.Window.StartMs, 0));

    private static MappedEnumerable<Windowed<byte[]>, byte[], long, byte[]> Starts(IKeyValueEnumerable<Windowed<byte[]>, byte[]> windows) =>
        new(windows, static window => window.Window.StartMs, static value => value);
}
