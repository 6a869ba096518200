namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// One pass over a range of a caching store: the cache's entries (a sorted snapshot) merged with the underlying
/// store's, the cache winning on equal keys and its deletes hiding the store's entries. The underlying store must yield
/// its entries in the order of their cache keys: plain keys for a key-value store, segment then store key for window
/// and session stores, as Kafka Streams' merged cache iterators. The cached values are copied when the pass opens,
/// because cache entries are updated in place: later writes must not show through one half of the merge while the
/// store's half (an in-memory copy or a RocksDB snapshot) does not see them.
/// </summary>
/// <typeparam name="TKey">The key type of the store's entries.</typeparam>
internal sealed class MergedCacheEnumerator<TKey> : IKeyValueEnumerator<TKey, byte[]>
{
    private readonly KeyValue<byte[], byte[]?>[] _cached;
    private readonly IKeyValueEnumerator<TKey, byte[]> _stored;
    private readonly Func<TKey, byte[]> _cacheKeyOf;
    private readonly Func<byte[], TKey> _keyOf;
    private readonly int _direction;
    private int _cacheIndex;
    private bool _storedHasNext;
    private byte[]? _storedCacheKey;
    private KeyValue<TKey, byte[]>? _next;

    /// <param name="cachedSorted">The cached entries of the range, sorted by cache key.</param>
    /// <param name="stored">A pass over the underlying store's entries of the range, in cache key order (or reversed).</param>
    /// <param name="reverse">Whether both go from the largest key down.</param>
    /// <param name="cacheKeyOf">The cache key of a stored entry's key.</param>
    /// <param name="keyOf">The store key of a cache key.</param>
    public MergedCacheEnumerator(
        List<CacheEntry> cachedSorted, IKeyValueEnumerator<TKey, byte[]> stored, bool reverse, Func<TKey, byte[]> cacheKeyOf, Func<byte[], TKey> keyOf)
    {
        _cached = new KeyValue<byte[], byte[]?>[cachedSorted.Count];
        for (var i = 0; i < _cached.Length; i++)
        {
            var entry = cachedSorted[reverse ? _cached.Length - 1 - i : i];
            _cached[i] = new KeyValue<byte[], byte[]?>(entry.Key, entry.Value);
        }

        _stored = stored;
        _cacheKeyOf = cacheKeyOf;
        _keyOf = keyOf;
        _direction = reverse ? -1 : 1;
        AdvanceStored();
        _next = FindNext();
    }

    public KeyValue<TKey, byte[]> Current { get; private set; }

    public bool MoveNext()
    {
        if (_next is not { } next)
        {
            return false;
        }

        Current = next;
        _next = FindNext();
        return true;
    }

    public TKey PeekNextKey() => _next is { } next ? next.Key : throw new InvalidOperationException("The enumerator has no next entry.");

    public void Dispose() => _stored.Dispose();

    private void AdvanceStored()
    {
        _storedHasNext = _stored.MoveNext();
        _storedCacheKey = _storedHasNext ? _cacheKeyOf(_stored.Current.Key) : null;
    }

    private KeyValue<TKey, byte[]>? FindNext()
    {
        while (true)
        {
            var hasCached = _cacheIndex < _cached.Length;
            if (!hasCached && !_storedHasNext)
            {
                return null;
            }

            var order = !hasCached ? 1
                : !_storedHasNext ? -1
                : _direction * ByteArrayComparer.Instance.Compare(_cached[_cacheIndex].Key, _storedCacheKey);
            if (order > 0)
            {
                var stored = _stored.Current;
                AdvanceStored();
                return stored;
            }

            var cached = _cached[_cacheIndex++];
            if (order == 0)
            {
                AdvanceStored();
            }

            if (cached.Value is not null)
            {
                return new KeyValue<TKey, byte[]>(_keyOf(cached.Key), cached.Value);
            }
        }
    }
}
