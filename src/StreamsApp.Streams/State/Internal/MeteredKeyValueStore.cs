using Confluent.Kafka;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State.Internal.Caching;

namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// The outermost layer: turns typed keys and values into bytes for the layers below and, at the debug recording
/// level, measures each operation (group <c>stream-state-metrics</c>).
/// </summary>
internal class MeteredKeyValueStore<TKey, TValue>(
    IKeyValueStore<byte[], byte[]> inner, Func<string, StoreSerdes<TKey, TValue>> serdesForTopic, string metricsScope)
    : IKeyValueStore<TKey, TValue>, IRawKeyStore<TKey>, ICachingStateStore, ICacheFlushSource<TKey, TValue>
{
    private StoreSerdes<TKey, TValue>? _serdes;
    private Sensor? _putLatency;
    private Sensor? _getLatency;
    private Sensor? _deleteLatency;

    public string Name => inner.Name;

    public bool Persistent => inner.Persistent;

    public bool IsOpen => inner.IsOpen;

    public long ApproximateNumEntries => inner.ApproximateNumEntries;

    /// <summary>The layers below, for the runtime's restoration and the DSL's flush listeners.</summary>
    public IKeyValueStore<byte[], byte[]> Inner => inner;

    /// <summary>A key as the store writes it (for tools that merge or route stores of several tasks).</summary>
    /// <exception cref="ArgumentNullException">The key is null.</exception>
    public byte[] RawKey(TKey key) =>
        key is null
            ? throw new ArgumentNullException(nameof(key), $"Store '{Name}' cannot hold a null key")
            : Serdes.RawKey(key);

    protected StoreSerdes<TKey, TValue> Serdes => _serdes ?? throw new InvalidOperationException($"Store '{Name}' is not open");

    public void Init(IStateStoreContext context, IStateStore root)
    {
        _serdes = serdesForTopic($"{context.ApplicationId}-{Name}-changelog");
        _putLatency = StoreLatency.Sensor(context, Name, metricsScope, "put");
        _getLatency = StoreLatency.Sensor(context, Name, metricsScope, "get");
        _deleteLatency = StoreLatency.Sensor(context, Name, metricsScope, "delete");

        inner.Init(context, root);
    }

    public bool TryGet(TKey key, out TValue value)
    {
        var start = StoreLatency.Start(_getLatency);
        var found = inner.TryGet(RawKey(key), out var raw);
        value = found ? Serdes.ValueFrom(raw) : default!;
        StoreLatency.Record(_getLatency, start);
        return found;
    }

    public void Put(TKey key, TValue value)
    {
        var start = StoreLatency.Start(_putLatency);
        var rawKey = RawKey(key);
        var rawValue = value is null ? null : Serdes.RawValue(value);
        if (rawValue is null)
        {
            inner.Delete(rawKey, out _);
        }
        else
        {
            inner.Put(rawKey, rawValue);
        }

        StoreLatency.Record(_putLatency, start);
    }

    public bool PutIfAbsent(TKey key, TValue value, out TValue existing)
    {
        var rawValue = Serdes.RawValue(value) ?? throw new ArgumentNullException(nameof(value), "PutIfAbsent needs a value");
        var inserted = inner.PutIfAbsent(RawKey(key), rawValue, out var raw);
        existing = inserted ? default! : Serdes.ValueFrom(raw);
        return inserted;
    }

    public void PutAll(IEnumerable<KeyValue<TKey, TValue>> entries)
    {
        foreach (var entry in entries)
        {
            Put(entry.Key, entry.Value);
        }
    }

    public bool Delete(TKey key, out TValue oldValue)
    {
        var start = StoreLatency.Start(_deleteLatency);
        var deleted = inner.Delete(RawKey(key), out var raw);
        oldValue = deleted ? Serdes.ValueFrom(raw) : default!;
        StoreLatency.Record(_deleteLatency, start);
        return deleted;
    }

    public IKeyValueEnumerable<TKey, TValue> Range(TKey? from, TKey? to) =>
        Wrap(inner.Range(Serdes.RawKeyOrNull(from), Serdes.RawKeyOrNull(to)));

    public IKeyValueEnumerable<TKey, TValue> ReverseRange(TKey? from, TKey? to) =>
        Wrap(inner.ReverseRange(Serdes.RawKeyOrNull(from), Serdes.RawKeyOrNull(to)));

    public IKeyValueEnumerable<TKey, TValue> All() => Wrap(inner.All());

    public IKeyValueEnumerable<TKey, TValue> ReverseAll() => Wrap(inner.ReverseAll());

    public IKeyValueEnumerable<TKey, TValue> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer) =>
        Wrap(inner.PrefixScan(prefix, prefixSerializer));

    public void Flush() => inner.Flush();

    public void FlushCache() => (inner as ICachingStateStore)?.FlushCache();

    public void Close() => inner.Close();

    /// <inheritdoc />
    public bool SetFlushListener(Action<TKey, Change<TValue>, long, Headers?> listener, bool sendOldValues)
    {
        if (inner is not CachingKeyValueStore caching)
        {
            return false;
        }

        caching.SetFlushListener(
            (key, newValue, oldValue, timestamp, headers) => listener(Serdes.KeyFrom(key), Serdes.ChangeFrom(newValue, oldValue), timestamp, headers),
            sendOldValues);
        return true;
    }

    private DeserializingEnumerable<TKey, TValue> Wrap(IKeyValueEnumerable<byte[], byte[]> raw) => new(raw, Serdes);
}
