using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// What the window and session caching layers share: the store below, the cache keys of its segments, the store's
/// cache, whose dirty entries are flushed before the store below is flushed or closed, and reads of the store below
/// merged with the cache.
/// </summary>
/// <typeparam name="TInner">The store below.</typeparam>
internal abstract class CachingSegmentedStore<TInner> : IStateStore, ICachingStateStore, ICacheBackedStore<Windowed<byte[]>>
    where TInner : IStateStore
{
    private readonly Func<Windowed<byte[]>, byte[]> _cacheKeyOf;
    private readonly Func<byte[], Windowed<byte[]>> _keyOf;

    protected CachingSegmentedStore(TInner inner, SegmentedKeySchema schema, long segmentIntervalMs)
    {
        Inner = inner;
        Keys = new SegmentedCacheKeys(schema, segmentIntervalMs);
        Cache = new StoreCache<Windowed<byte[]>>(inner.Name, this);

        // Made once rather than per read, so that a read allocates only its enumerable and its enumerators.
        _cacheKeyOf = CacheKeyOf;
        _keyOf = FlushedKey;
    }

    public string Name => Inner.Name;

    public bool Persistent => Inner.Persistent;

    public bool IsOpen => Inner.IsOpen;

    /// <summary>The layer below.</summary>
    public TInner Inner { get; }

    /// <summary>Cache keys: the segment id, then the store key, so that sorted cache keys follow the store's scan order.</summary>
    protected SegmentedCacheKeys Keys { get; }

    /// <summary>The store's part of the thread cache.</summary>
    protected StoreCache<Windowed<byte[]>> Cache { get; }

    /// <summary>Sets who receives flushed writes; <paramref name="sendOldValues"/> asks for old values too.</summary>
    public void SetFlushListener(RawFlushListener<Windowed<byte[]>> listener, bool sendOldValues) => Cache.SetFlushListener(listener, sendOldValues);

    public void Init(IStateStoreContext context, IStateStore root)
    {
        Cache.Init(context);
        Inner.Init(context, root);
    }

    public void FlushCache() => Cache.Flush();

    public void Flush()
    {
        Cache.Flush();
        Inner.Flush();
    }

    public void Close()
    {
        Cache.Close();
        Inner.Close();
    }

    public abstract bool TryGetStored(byte[] cacheKey, out byte[] value);

    public abstract void PutStored(byte[] cacheKey, byte[]? value);

    public abstract Windowed<byte[]> FlushedKey(byte[] cacheKey);

    protected static byte[] RequireKey(byte[] key) => key ?? throw new ArgumentNullException(nameof(key));

    /// <summary>The cache key of an entry the store below returns.</summary>
    protected abstract byte[] CacheKeyOf(Windowed<byte[]> stored);

    /// <summary>
    /// A read of the store below, of keys from <paramref name="keyFrom"/> to <paramref name="keyTo"/> (inclusive; null is
    /// open) and times <paramref name="timeFrom"/>..<paramref name="timeTo"/> in the schema's sense, merged with the
    /// cached entries of the same keys and times.
    /// </summary>
    protected MergedCacheEnumerable<Windowed<byte[]>> Merged(
        byte[]? keyFrom, byte[]? keyTo, long timeFrom, long timeTo, IKeyValueEnumerable<Windowed<byte[]>, byte[]> stored, bool reverse) =>
        new CachedRange(this, keyFrom, keyTo, timeFrom, timeTo, stored, reverse);

    private sealed class CachedRange(
        CachingSegmentedStore<TInner> store, byte[]? keyFrom, byte[]? keyTo, long timeFrom, long timeTo, IKeyValueEnumerable<Windowed<byte[]>, byte[]> stored, bool reverse)
        : MergedCacheEnumerable<Windowed<byte[]>>(stored, reverse, store._cacheKeyOf, store._keyOf)
    {
        protected override List<CacheEntry> ReadCache() => store.Keys.Fetch(store.Cache, keyFrom, keyTo, timeFrom, timeTo);
    }
}
