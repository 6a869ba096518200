namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// A range read of a caching store: each enumeration reads the cache's entries of the range, then opens a pass over
/// the underlying store's, and merges them (<see cref="MergedCacheEnumerator{TKey}"/>). Each store type says which
/// cached entries its range covers; the range's bounds live in the subclass rather than in a closure, so that a read
/// allocates one object before it is enumerated.
/// </summary>
/// <typeparam name="TKey">The key type of the store's entries.</typeparam>
/// <param name="stored">The underlying store's read of the range, in cache key order (or reversed).</param>
/// <param name="reverse">Whether both go from the largest key down.</param>
/// <param name="cacheKeyOf">The cache key of a stored entry's key.</param>
/// <param name="keyOf">The store key of a cache key.</param>
internal abstract class MergedCacheEnumerable<TKey>(
    IKeyValueEnumerable<TKey, byte[]> stored,
    bool reverse,
    Func<TKey, byte[]> cacheKeyOf,
    Func<byte[], TKey> keyOf) : IKeyValueEnumerable<TKey, byte[]>
{
    public IKeyValueEnumerator<TKey, byte[]> GetEnumerator()
    {
        var cached = ReadCache();
        var storedPass = stored.GetEnumerator();
        try
        {
            return new MergedCacheEnumerator<TKey>(cached, storedPass, reverse, cacheKeyOf, keyOf);
        }
        catch
        {
            // The merge reads the first stored entry at once; a failure there must not leave the store's pass open.
            storedPass.Dispose();
            throw;
        }
    }

    /// <summary>The cached entries of the range (deletes included), sorted by cache key.</summary>
    protected abstract List<CacheEntry> ReadCache();
}
