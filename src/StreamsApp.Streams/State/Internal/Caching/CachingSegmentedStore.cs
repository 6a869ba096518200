using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// What the window and session caching layers share: the store below, the cache keys of its segments, and the store's
/// cache, whose dirty entries are flushed before the store below is flushed or closed.
/// </summary>
/// <typeparam name="TInner">The store below.</typeparam>
internal abstract class CachingSegmentedStore<TInner> : IStateStore, ICachingStateStore, ICacheBackedStore<Windowed<byte[]>>
    where TInner : IStateStore
{
    protected CachingSegmentedStore(TInner inner, SegmentedKeySchema schema, long segmentIntervalMs)
    {
        Inner = inner;
        Keys = new SegmentedCacheKeys(schema, segmentIntervalMs);
        Cache = new StoreCache<Windowed<byte[]>>(inner.Name, this);
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
}
