namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// The layers below a caching store as its <see cref="StoreCache{TKey}"/> sees them: entries addressed by cache key,
/// and the key a flushed entry is reported under.
/// </summary>
/// <typeparam name="TKey">The key type the flush listener receives.</typeparam>
internal interface ICacheBackedStore<TKey>
{
    /// <summary>Reads the stored value of a cache key (for the old value a flush forwards).</summary>
    bool TryGetStored(byte[] cacheKey, out byte[] value);

    /// <summary>Writes (or with null deletes) a cache key's value to the layers below.</summary>
    void PutStored(byte[] cacheKey, byte[]? value);

    /// <summary>The key the flush listener receives for a cache key.</summary>
    TKey FlushedKey(byte[] cacheKey);
}
