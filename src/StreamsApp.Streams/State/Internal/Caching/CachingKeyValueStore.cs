using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>Receives a caching store's flushed writes: the key, new and old raw values, and the writer's context.</summary>
internal delegate void RawFlushListener(byte[] key, byte[]? newValue, byte[]? oldValue, long timestamp, Headers? headers);

/// <summary>
/// A write-back cache in front of a byte store: writes coalesce per key in the thread cache and reach the store
/// (and its changelog) on commit or eviction, when the flush listener forwards them downstream.
/// </summary>
internal sealed class CachingKeyValueStore(IKeyValueStore<byte[], byte[]> inner) : WrappedKeyValueBytesStore(inner), ICachingStateStore
{
    private TaskContext? _context;
    private NamedCache? _cache;
    private RawFlushListener? _listener;
    private bool _sendOldValues;
    private int _writerThreadId;

    /// <summary>Sets who receives flushed writes; <paramref name="sendOldValues"/> asks for old values too.</summary>
    public void SetFlushListener(RawFlushListener listener, bool sendOldValues)
    {
        _listener = listener;
        _sendOldValues = sendOldValues;
    }

    public override void Init(IStateStoreContext context, IStateStore root)
    {
        _context = context as TaskContext
            ?? throw new StreamsException($"Store '{Name}' is cached and needs a task context for its cache");
        _cache = _context.Cache.Register($"{_context.TaskId}-{Name}", FlushEntries);
        _writerThreadId = Environment.CurrentManagedThreadId;
        base.Init(context, root);
    }

    public override bool TryGet(byte[] key, out byte[] value)
    {
        if (Cache.Get(key) is { } entry)
        {
            value = entry.Value!;
            return entry.Value is not null;
        }

        if (!Inner.TryGet(key, out value))
        {
            return false;
        }

        // Only the stream thread fills the cache, as in Kafka Streams: a fill may evict and flush, which would log and
        // forward records on an interactive query's thread.
        if (Environment.CurrentManagedThreadId == _writerThreadId)
        {
            _context!.Cache.Put(Cache, new CacheWrite(key, value, false, _context.CurrentTimestamp, null));
        }

        return true;
    }

    public override void Put(byte[] key, byte[] value) => PutDirty(key, value);

    public override bool PutIfAbsent(byte[] key, byte[] value, out byte[] existing)
    {
        if (TryGet(key, out existing))
        {
            return false;
        }

        PutDirty(key, value);
        return true;
    }

    public override void PutAll(IEnumerable<KeyValue<byte[], byte[]>> entries)
    {
        foreach (var entry in entries)
        {
            PutDirty(entry.Key, entry.Value);
        }
    }

    public override bool Delete(byte[] key, out byte[] oldValue)
    {
        var existed = TryGet(key, out oldValue);
        PutDirty(key, null);
        return existed;
    }

    // The store's count alone, as in Kafka Streams: after a commit the cache still holds (clean) copies of stored
    // entries, so adding its count would count most keys twice.
    public override long ApproximateNumEntries => Inner.ApproximateNumEntries;

    public override IKeyValueIterator<byte[], byte[]> Range(byte[]? from, byte[]? to) =>
        new MergedCacheIterator(Cache.Range(from, to), Inner.Range(from, to), reverse: false);

    public override IKeyValueIterator<byte[], byte[]> ReverseRange(byte[]? from, byte[]? to) =>
        new MergedCacheIterator(Cache.Range(from, to), Inner.ReverseRange(from, to), reverse: true);

    public override IKeyValueIterator<byte[], byte[]> All() => Range(null, null);

    public override IKeyValueIterator<byte[], byte[]> ReverseAll() => ReverseRange(null, null);

    public override IKeyValueIterator<byte[], byte[]> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer)
    {
        // Merged like a range, as Kafka Streams does: flushing here instead would log and forward mid-record and
        // break the one-update-per-key-per-commit coalescing.
        var prefixBytes = KeyBytes.SerializePrefix(prefix, prefixSerializer);
        var cached = Cache.Range(prefixBytes, KeyBytes.NextPrefix(prefixBytes));
        cached.RemoveAll(entry => !entry.Key.AsSpan().StartsWith(prefixBytes));
        return new MergedCacheIterator(cached, Inner.PrefixScan(prefix, prefixSerializer), reverse: false);
    }

    public void FlushCache() => Cache.Flush();

    public override void Flush()
    {
        Cache.Flush();
        base.Flush();
    }

    public override void Close()
    {
        Cache.Flush();
        _context!.Cache.Unregister(Cache.Name);
        base.Close();
    }

    private NamedCache Cache => _cache ?? throw new InvalidOperationException($"Store '{Name}' is not open");

    private void PutDirty(byte[] key, byte[]? value)
    {
        var context = _context!;
        var headers = context.CurrentRecord?.Message.Headers;
        context.Cache.Put(Cache, new CacheWrite(key, value, true, context.CurrentTimestamp, headers));
    }

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
                if (_listener is not null && (newValue is null || _sendOldValues) && Inner.TryGet(entry.Key, out var stored))
                {
                    oldValue = stored;
                }

                // A delete of a key the store never had needs neither a write nor a forward.
                if (newValue is null && oldValue is null && _listener is not null)
                {
                    continue;
                }

                context.CurrentTimestamp = entry.Timestamp;
                Inner.Put(entry.Key, newValue!);
                _listener?.Invoke(entry.Key, newValue, _sendOldValues ? oldValue : null, entry.Timestamp, entry.Headers);
            }
        }
        finally
        {
            context.CurrentTimestamp = savedTimestamp;
        }
    }
}
