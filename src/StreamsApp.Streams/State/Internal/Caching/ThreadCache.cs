namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// The record cache of one stream thread, shared by all its caching stores within one byte budget
/// (<see cref="StreamsConfig.CacheMaxBytesBuffering"/>). Writes coalesce per key until a commit flushes them or the
/// budget evicts them, which is what makes aggregations emit one update per key per commit.
/// </summary>
internal sealed class ThreadCache(long maxBytes)
{
    private readonly Dictionary<string, NamedCache> _caches = [];

    public long MaxBytes { get; } = maxBytes;

    public long SizeBytes { get; private set; }

    public NamedCache Register(string cacheName, Action<IReadOnlyList<CacheEntry>> flushListener)
    {
        var cache = new NamedCache(cacheName, flushListener, this);
        _caches[cacheName] = cache;
        return cache;
    }

    public void Unregister(string cacheName)
    {
        if (_caches.Remove(cacheName, out var cache))
        {
            cache.Clear();
        }
    }

    internal void OnResize(long delta) => SizeBytes += delta;

    /// <summary>Adds an entry to a named cache, then evicts from that cache until the thread is within budget.</summary>
    public void Put(NamedCache cache, in CacheWrite write)
    {
        cache.Put(write);
        while (cache.Count > 0 && SizeBytes > MaxBytes)
        {
            cache.EvictEldest();
        }
    }
}
