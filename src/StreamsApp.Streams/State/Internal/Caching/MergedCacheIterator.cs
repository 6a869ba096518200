using System.Collections;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// Iterates a range of a caching store: the cache's entries (a sorted snapshot) merged with the underlying store's,
/// the cache winning on equal keys and its deletes hiding the store's entries. The cached values are copied when the
/// iterator is created, because cache entries are updated in place: later writes must not show through one half of
/// the merge while the store's half (an in-memory copy or a RocksDB snapshot) does not see them.
/// </summary>
internal sealed class MergedCacheIterator : IKeyValueIterator<byte[], byte[]>
{
    private readonly KeyValue<byte[], byte[]?>[] _cached;
    private readonly IKeyValueIterator<byte[], byte[]> _stored;
    private readonly int _direction;
    private int _cacheIndex;
    private bool _storedHasNext;
    private KeyValue<byte[], byte[]>? _next;

    public MergedCacheIterator(List<CacheEntry> cachedSorted, IKeyValueIterator<byte[], byte[]> stored, bool reverse)
    {
        _cached = cachedSorted.Select(e => new KeyValue<byte[], byte[]?>(e.Key, e.Value)).ToArray();
        _stored = stored;
        _direction = reverse ? -1 : 1;
        if (reverse)
        {
            Array.Reverse(_cached);
        }

        _storedHasNext = _stored.MoveNext();
        _next = FindNext();
    }

    public KeyValue<byte[], byte[]> Current { get; private set; }

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

    public byte[] PeekNextKey() => _next?.Key ?? throw new InvalidOperationException("The iterator has no next entry");

    public void Reset() => throw new NotSupportedException("A store iterator cannot be reset");

    public void Dispose() => _stored.Dispose();

    public IEnumerator<KeyValue<byte[], byte[]>> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;

    private KeyValue<byte[], byte[]>? FindNext()
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
                : _direction * ByteArrayComparer.Instance.Compare(_cached[_cacheIndex].Key, _stored.Current.Key);
            if (order > 0)
            {
                var stored = _stored.Current;
                _storedHasNext = _stored.MoveNext();
                return stored;
            }

            var cached = _cached[_cacheIndex++];
            if (order == 0)
            {
                _storedHasNext = _stored.MoveNext();
            }

            if (cached.Value is not null)
            {
                return new KeyValue<byte[], byte[]>(cached.Key, cached.Value);
            }
        }
    }
}
