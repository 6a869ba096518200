using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>Receives a caching store's flushed writes: the key, new and old raw values, and the writer's context.</summary>
internal delegate void RawFlushListener<in TKey>(TKey key, byte[]? newValue, byte[]? oldValue, long timestamp, Headers? headers);

/// <summary>
/// What every caching store (key-value, window, session) does with its part of the thread cache, as Kafka Streams'
/// caching stores share it: writes coalesce per cache key and reach the layers below on commit or eviction, when
/// the flush listener forwards them with the old value the layers below held (what downstream last saw).
/// </summary>
/// <typeparam name="TKey">The key type the flush listener receives.</typeparam>
internal sealed class StoreCache<TKey>(string storeName, ICacheBackedStore<TKey> below)
{
    private TaskContext? _context;
    private NamedCache? _cache;
    private RawFlushListener<TKey>? _listener;
    private bool _sendOldValues;
    private int _writerThreadId;

    /// <summary>Sets who receives flushed writes; <paramref name="sendOldValues"/> asks for old values too.</summary>
    public void SetFlushListener(RawFlushListener<TKey> listener, bool sendOldValues)
    {
        _listener = listener;
        _sendOldValues = sendOldValues;
    }

    /// <summary>Registers the store's named cache with the task's thread cache.</summary>
    public void Init(IStateStoreContext context)
    {
        _context = context as TaskContext
            ?? throw new StreamsException($"Store '{storeName}' is cached and needs a task context for its cache");
        _cache = _context.Cache.Register($"{_context.TaskId}-{storeName}", FlushEntries);
        _writerThreadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>The cached entry of a key (its value null when deleted), or null when the cache does not have it.</summary>
    public CacheEntry? Get(byte[] cacheKey) => Cache.Get(cacheKey);

    /// <summary>
    /// Caches a value read from the layers below (clean). Only the stream thread fills the cache, as in Kafka
    /// Streams: a fill may evict and flush, which would log and forward records on an interactive query's thread.
    /// </summary>
    public void Fill(byte[] cacheKey, byte[] value)
    {
        if (Environment.CurrentManagedThreadId == _writerThreadId)
        {
            _context!.Cache.Put(Cache, new CacheWrite(cacheKey, value, false, _context.CurrentTimestamp, null));
        }
    }

    /// <summary>Caches a write (null = delete) that must still reach the layers below, with the current record's context.</summary>
    public void PutDirty(byte[] cacheKey, byte[]? value)
    {
        var context = _context!;
        var headers = context.CurrentRecord?.Message.Headers;
        context.Cache.Put(Cache, new CacheWrite(cacheKey, value, true, context.CurrentTimestamp, headers));
    }

    /// <summary>Cached entries with cache keys in [from, to] (null bounds are open), sorted by cache key.</summary>
    public List<CacheEntry> Range(byte[]? from, byte[]? to) => Cache.Range(from, to);

    /// <summary>The smallest cached key from <paramref name="from"/> on (inclusive); null when there is none.</summary>
    public byte[]? FirstKeyFrom(byte[] from) => Cache.FirstKeyFrom(from);

    /// <summary>Writes the dirty entries down and forwards them.</summary>
    public void Flush() => Cache.Flush();

    /// <summary>Flushes, then gives the cache's budget back to the thread.</summary>
    public void Close()
    {
        Cache.Flush();
        _context!.Cache.Unregister(Cache.Name);
    }

    private NamedCache Cache => _cache ?? throw new InvalidOperationException($"Store '{storeName}' is not open");

    private void FlushEntries(IReadOnlyList<CacheEntry> entries)
    {
        var context = _context!;
        var savedTimestamp = context.CurrentTimestamp;
        try
        {
            foreach (var entry in entries)
            {
                var newValue = entry.Value;
                byte[]? oldValue = null;
                if (_listener is not null && (newValue is null || _sendOldValues) && below.TryGetStored(entry.Key, out var stored))
                {
                    oldValue = stored;
                }

                // A delete of a key the store never had needs neither a write nor a forward.
                if (newValue is null && oldValue is null && _listener is not null)
                {
                    continue;
                }

                context.CurrentTimestamp = entry.Timestamp;
                below.PutStored(entry.Key, newValue);
                _listener?.Invoke(below.FlushedKey(entry.Key), newValue, _sendOldValues ? oldValue : null, entry.Timestamp, entry.Headers);
            }
        }
        finally
        {
            context.CurrentTimestamp = savedTimestamp;
        }
    }
}
