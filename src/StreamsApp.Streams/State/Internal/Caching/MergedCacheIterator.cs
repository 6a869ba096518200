using System.Collections;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// Iterates a range of a caching store: the cache's entries (a sorted snapshot) merged with the underlying store's,
/// the cache winning on equal keys and its deletes hiding the store's entries. The underlying store must yield its
/// entries in the order of their cache keys: plain keys for a key-value store,
/// segment then store key for window and session stores, as Kafka Streams' merged cache iterators. The cached
/// values are copied when the iterator is created, because cache entries are updated in place: later writes must
/// not show through one half of the merge while the store's half (an in-memory copy or a RocksDB snapshot) does
/// not see them.
/// </summary>
/// <typeparam name="TKey">The key type of the store's iterator.</typeparam>
internal sealed class MergedCacheIterator<TKey> : IKeyValueIterator<TKey, byte[]>
{
    private readonly KeyValue<byte[], byte[]?>[] _cached;
    private readonly IKeyValueIterator<TKey, byte[]> _stored;
    private readonly Func<TKey, byte[]> _cacheKeyOf;
    private readonly Func<byte[], TKey> _keyOf;
    private readonly int _direction;
    private int _cacheIndex;
    private bool _storedHasNext;
    private byte[]? _storedCacheKey;
    private KeyValue<TKey, byte[]>? _next;

    /// <param name="cachedSorted">The cached entries of the range, sorted by cache key.</param>
    /// <param name="stored">The underlying store's entries of the range, in cache key order (or reversed).</param>
    /// <param name="reverse">Whether both go from the largest key down.</param>
    /// <param name="cacheKeyOf">The cache key of a stored entry's key.</param>
    /// <param name="keyOf">The store key of a cache key.</param>
    public MergedCacheIterator(
        List<CacheEntry> cachedSorted, IKeyValueIterator<TKey, byte[]> stored, bool reverse, Func<TKey, byte[]> cacheKeyOf, Func<byte[], TKey> keyOf)
    {
        _cached = cachedSorted.Select(e => new KeyValue<byte[], byte[]?>(e.Key, e.Value)).ToArray();
        _stored = stored;
        _cacheKeyOf = cacheKeyOf;
        _keyOf = keyOf;
        _direction = reverse ? -1 : 1;
        if (reverse)
        {
            Array.Reverse(_cached);
        }

        AdvanceStored();
        _next = FindNext();
    }

    public KeyValue<TKey, byte[]> Current { get; private set; }

    object IEnumerator.Current => Current;

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

    public TKey PeekNextKey() => _next is { } next ? next.Key : throw new InvalidOperationException("The iterator has no next entry");

    public void Reset() => throw new NotSupportedException("A store iterator cannot be reset");

    public void Dispose() => _stored.Dispose();

    public IEnumerator<KeyValue<TKey, byte[]>> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;

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

/// <summary>Creates merged cache iterators.</summary>
internal static class MergedCacheIterator
{
    private static readonly Func<byte[], byte[]> Identity = static key => key;

    /// <summary>A merge whose cache keys are the store's own keys (key-value stores).</summary>
    public static MergedCacheIterator<byte[]> OfKeys(List<CacheEntry> cachedSorted, IKeyValueIterator<byte[], byte[]> stored, bool reverse) =>
        new(cachedSorted, stored, reverse, Identity, Identity);
}
