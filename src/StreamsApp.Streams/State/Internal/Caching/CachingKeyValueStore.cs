using Confluent.Kafka;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// A write-back cache in front of a byte store: writes coalesce per key in the thread cache and reach the store
/// (and its changelog) on commit or eviction, when the flush listener forwards them downstream.
/// </summary>
internal sealed class CachingKeyValueStore : WrappedKeyValueBytesStore, ICachingStateStore, ICacheBackedStore<byte[]>
{
    private readonly StoreCache<byte[]> _cache;

    public CachingKeyValueStore(IKeyValueStore<byte[], byte[]> inner)
        : base(inner) => _cache = new StoreCache<byte[]>(inner.Name, this);

    /// <summary>Sets who receives flushed writes; <paramref name="sendOldValues"/> asks for old values too.</summary>
    public void SetFlushListener(RawFlushListener<byte[]> listener, bool sendOldValues) => _cache.SetFlushListener(listener, sendOldValues);

    public override void Init(IStateStoreContext context, IStateStore root)
    {
        _cache.Init(context);
        base.Init(context, root);
    }

    public override bool TryGet(byte[] key, out byte[] value)
    {
        if (_cache.Get(key) is { } entry)
        {
            value = entry.Value!;
            return entry.Value is not null;
        }

        if (!Inner.TryGet(key, out value))
        {
            return false;
        }

        _cache.Fill(key, value);
        return true;
    }

    public override void Put(byte[] key, byte[] value) => _cache.PutDirty(key, value);

    public override bool PutIfAbsent(byte[] key, byte[] value, out byte[] existing)
    {
        if (TryGet(key, out existing))
        {
            return false;
        }

        _cache.PutDirty(key, value);
        return true;
    }

    public override void PutAll(IEnumerable<KeyValue<byte[], byte[]>> entries)
    {
        foreach (var entry in entries)
        {
            _cache.PutDirty(entry.Key, entry.Value);
        }
    }

    public override bool Delete(byte[] key, out byte[] oldValue)
    {
        var existed = TryGet(key, out oldValue);
        _cache.PutDirty(key, null);
        return existed;
    }

    // The store's count alone, as in Kafka Streams: after a commit the cache still holds (clean) copies of stored
    // entries, so adding its count would count most keys twice.
    public override long ApproximateNumEntries => Inner.ApproximateNumEntries;

    public override IKeyValueEnumerable<byte[], byte[]> Range(byte[]? from, byte[]? to) =>
        new CachedRange(_cache, from, to, prefix: null, Inner.Range(from, to), reverse: false);

    public override IKeyValueEnumerable<byte[], byte[]> ReverseRange(byte[]? from, byte[]? to) =>
        new CachedRange(_cache, from, to, prefix: null, Inner.ReverseRange(from, to), reverse: true);

    public override IKeyValueEnumerable<byte[], byte[]> All() => Range(null, null);

    public override IKeyValueEnumerable<byte[], byte[]> ReverseAll() => ReverseRange(null, null);

    public override IKeyValueEnumerable<byte[], byte[]> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer)
    {
        // Merged like a range, as Kafka Streams does: flushing here instead would log and forward mid-record and
        // break the one-update-per-key-per-commit coalescing.
        var prefixBytes = KeyBytes.SerializePrefix(prefix, prefixSerializer);
        return new CachedRange(_cache, prefixBytes, KeyBytes.NextPrefix(prefixBytes), prefixBytes, Inner.PrefixScan(prefix, prefixSerializer), reverse: false);
    }

    public void FlushCache() => _cache.Flush();

    public override void Flush()
    {
        _cache.Flush();
        base.Flush();
    }

    public override void Close()
    {
        _cache.Close();
        base.Close();
    }

    bool ICacheBackedStore<byte[]>.TryGetStored(byte[] cacheKey, out byte[] value) => Inner.TryGet(cacheKey, out value);

    // A null value deletes in every byte store's Put.
    void ICacheBackedStore<byte[]>.PutStored(byte[] cacheKey, byte[]? value) => Inner.Put(cacheKey, value!);

    byte[] ICacheBackedStore<byte[]>.FlushedKey(byte[] cacheKey) => cacheKey;

    /// <summary>
    /// A range (or, with <paramref name="prefix"/>, a prefix scan) merged with the cache, whose keys are the store's
    /// own: the cached entries with keys from <paramref name="from"/> to <paramref name="to"/>, only those starting
    /// with the prefix when it is given.
    /// </summary>
    private sealed class CachedRange(
        StoreCache<byte[]> cache, byte[]? from, byte[]? to, byte[]? prefix, IKeyValueEnumerable<byte[], byte[]> stored, bool reverse)
        : MergedCacheEnumerable<byte[]>(stored, reverse, Identity, Identity)
    {
        private static readonly Func<byte[], byte[]> Identity = static key => key;

        protected override List<CacheEntry> ReadCache()
        {
            var cached = cache.Range(from, to);
            if (prefix is not null)
            {
                cached.RemoveAll(entry => !entry.Key.AsSpan().StartsWith(prefix));
            }

            return cached;
        }
    }
}
