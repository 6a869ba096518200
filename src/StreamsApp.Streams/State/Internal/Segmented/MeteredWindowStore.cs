using Confluent.Kafka;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State.Internal.Caching;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// The outermost layer of a window store: typed keys and values to bytes for the layers below (serdes see the
/// changelog topic, as in Kafka Streams), and debug-level put and fetch latency sensors.
/// </summary>
internal class MeteredWindowStore<TKey, TValue>(
    IWindowStore<byte[], byte[]> inner, Func<string, StoreSerdes<TKey, TValue>> serdesForTopic, string metricsScope)
    : IWindowStore<TKey, TValue>, IRawKeyStore<TKey>, ICachingStateStore, ICacheFlushSource<Windowed<TKey>, TValue>
{
    private StoreSerdes<TKey, TValue>? _serdes;
    private Func<byte[], TValue>? _valueFrom;
    private Func<Windowed<byte[]>, Windowed<TKey>>? _windowFrom;
    private Sensor? _putLatency;
    private Sensor? _fetchLatency;

    public string Name => inner.Name;

    public bool Persistent => inner.Persistent;

    public bool IsOpen => inner.IsOpen;

    /// <summary>The layers below.</summary>
    public IWindowStore<byte[], byte[]> Inner => inner;

    private StoreSerdes<TKey, TValue> Serdes => _serdes ?? throw NotOpen();

    public byte[] RawKey(TKey key) =>
        key is null ? throw new ArgumentNullException(nameof(key), $"Store '{Name}' cannot hold a null key") : Serdes.RawKey(key);

    public void Init(IStateStoreContext context, IStateStore root)
    {
        var serdes = serdesForTopic($"{context.ApplicationId}-{Name}-changelog");
        _serdes = serdes;

        // Made once rather than per read, so that a read allocates only its enumerable and its enumerators.
        _valueFrom = serdes.ValueFrom;
        _windowFrom = windowed => new Windowed<TKey>(serdes.KeyFrom(windowed.Key), windowed.Window);
        _putLatency = StoreLatency.Sensor(context, Name, metricsScope, "put");
        _fetchLatency = StoreLatency.Sensor(context, Name, metricsScope, "fetch");
        inner.Init(context, root);
    }

    public void Flush() => inner.Flush();

    public void Close() => inner.Close();

    public void FlushCache() => (inner as ICachingStateStore)?.FlushCache();

    /// <inheritdoc />
    public bool SetFlushListener(Action<Windowed<TKey>, Change<TValue>, long, Headers?> listener, bool sendOldValues) =>
        WindowedFlushListener.TrySet(inner, Serdes, listener, sendOldValues);

    public void Put(TKey key, TValue? value, long windowStartMs)
    {
        var start = StoreLatency.Start(_putLatency);
        inner.Put(RawKey(key), value is null ? null : Serdes.RawValue(value), windowStartMs);
        StoreLatency.Record(_putLatency, start);
    }

    public bool TryFetch(TKey key, long windowStartMs, out TValue value)
    {
        var start = StoreLatency.Start(_fetchLatency);
        var found = inner.TryFetch(RawKey(key), windowStartMs, out var raw);
        value = found ? Serdes.ValueFrom(raw) : default!;
        StoreLatency.Record(_fetchLatency, start);
        return found;
    }

    public IKeyValueEnumerable<long, TValue> Fetch(TKey key, long timeFromMs, long timeToMs) =>
        Values(inner.Fetch(RawKey(key), timeFromMs, timeToMs));

    public IKeyValueEnumerable<long, TValue> BackwardFetch(TKey key, long timeFromMs, long timeToMs) =>
        Values(inner.BackwardFetch(RawKey(key), timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> Fetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Windows(inner.Fetch(Serdes.RawKeyOrNull(keyFrom), Serdes.RawKeyOrNull(keyTo), timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardFetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Windows(inner.BackwardFetch(Serdes.RawKeyOrNull(keyFrom), Serdes.RawKeyOrNull(keyTo), timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> FetchAll(long timeFromMs, long timeToMs) => Windows(inner.FetchAll(timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardFetchAll(long timeFromMs, long timeToMs) =>
        Windows(inner.BackwardFetchAll(timeFromMs, timeToMs));

    public IKeyValueEnumerable<Windowed<TKey>, TValue> All() => Windows(inner.All());

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardAll() => Windows(inner.BackwardAll());

    private MappedEnumerable<long, byte[], long, TValue> Values(IKeyValueEnumerable<long, byte[]> raw) =>
        new(raw, static start => start, _valueFrom ?? throw NotOpen());

    private MappedEnumerable<Windowed<byte[]>, byte[], Windowed<TKey>, TValue> Windows(IKeyValueEnumerable<Windowed<byte[]>, byte[]> raw) =>
        new(raw, _windowFrom ?? throw NotOpen(), _valueFrom!);

    private InvalidOperationException NotOpen() => new($"Store '{Name}' is not open");
}

/// <summary>The metered layer of a timestamped window store: values are stored as timestamp + value bytes.</summary>
internal sealed class MeteredTimestampedWindowStore<TKey, TValue>(
    IWindowStore<byte[], byte[]> inner, ISerde<TKey> keySerde, ISerde<TValue> valueSerde, string metricsScope)
    : MeteredWindowStore<TKey, ValueAndTimestamp<TValue>>(
        inner,
        topic => new StoreSerdes<TKey, ValueAndTimestamp<TValue>>(topic, keySerde, new ValueAndTimestampSerde<TValue>(valueSerde)),
        metricsScope),
      ITimestampedWindowStore<TKey, TValue>;
