using Confluent.Kafka;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State.Internal.Caching;

namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// The outermost layer of a session store: typed keys and aggregates to bytes for the layers below (serdes see the
/// changelog topic), and debug-level put, remove and fetch latency sensors.
/// </summary>
internal sealed class MeteredSessionStore<TKey, TAggregate>(
    ISessionStore<byte[], byte[]> inner, Func<string, StoreSerdes<TKey, TAggregate>> serdesForTopic, string metricsScope)
    : ISessionStore<TKey, TAggregate>, IRawKeyStore<TKey>, ICachingStateStore, ICacheFlushSource<Windowed<TKey>, TAggregate>
{
    private StoreSerdes<TKey, TAggregate>? _serdes;
    private Func<byte[], TAggregate>? _aggregateFrom;
    private Func<Windowed<byte[]>, Windowed<TKey>>? _sessionFrom;
    private Sensor? _putLatency;
    private Sensor? _removeLatency;
    private Sensor? _fetchLatency;

    public string Name => inner.Name;

    public bool Persistent => inner.Persistent;

    public bool IsOpen => inner.IsOpen;

    /// <summary>The layers below.</summary>
    public ISessionStore<byte[], byte[]> Inner => inner;

    private StoreSerdes<TKey, TAggregate> Serdes => _serdes ?? throw NotOpen();

    public byte[] RawKey(TKey key) =>
        key is null ? throw new ArgumentNullException(nameof(key), $"Store '{Name}' cannot hold a null key") : Serdes.RawKey(key);

    public void Init(IStateStoreContext context, IStateStore root)
    {
        var serdes = serdesForTopic($"{context.ApplicationId}-{Name}-changelog");
        _serdes = serdes;

        // Made once rather than per read, so that a read allocates only its enumerable and its enumerators.
        _aggregateFrom = serdes.ValueFrom;
        _sessionFrom = session => new Windowed<TKey>(serdes.KeyFrom(session.Key), session.Window);
        _putLatency = StoreLatency.Sensor(context, Name, metricsScope, "put");
        _removeLatency = StoreLatency.Sensor(context, Name, metricsScope, "remove");
        _fetchLatency = StoreLatency.Sensor(context, Name, metricsScope, "fetch");
        inner.Init(context, root);
    }

    public void Flush() => inner.Flush();

    public void Close() => inner.Close();

    public void FlushCache() => (inner as ICachingStateStore)?.FlushCache();

    /// <inheritdoc />
    public bool SetFlushListener(Action<Windowed<TKey>, Change<TAggregate>, long, Headers?> listener, bool sendOldValues) =>
        WindowedFlushListener.TrySet(inner, Serdes, listener, sendOldValues);

    public void Put(Windowed<TKey> sessionKey, TAggregate? aggregate)
    {
        var start = StoreLatency.Start(_putLatency);
        inner.Put(RawSessionKey(sessionKey), aggregate is null ? null : Serdes.RawValue(aggregate));
        StoreLatency.Record(_putLatency, start);
    }

    public void Remove(Windowed<TKey> sessionKey)
    {
        var start = StoreLatency.Start(_removeLatency);
        inner.Remove(RawSessionKey(sessionKey));
        StoreLatency.Record(_removeLatency, start);
    }

    public bool TryFetchSession(TKey key, long startMs, long endMs, out TAggregate aggregate)
    {
        var start = StoreLatency.Start(_fetchLatency);
        var found = inner.TryFetchSession(RawKey(key), startMs, endMs, out var raw);
        aggregate = found ? Serdes.ValueFrom(raw) : default!;
        StoreLatency.Record(_fetchLatency, start);
        return found;
    }

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> FindSessions(TKey key, long earliestSessionEndMs, long latestSessionStartMs) =>
        Typed(inner.FindSessions(RawKey(key), earliestSessionEndMs, latestSessionStartMs));

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFindSessions(TKey key, long earliestSessionEndMs, long latestSessionStartMs) =>
        Typed(inner.BackwardFindSessions(RawKey(key), earliestSessionEndMs, latestSessionStartMs));

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> FindSessions(TKey? keyFrom, TKey? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        Typed(inner.FindSessions(Serdes.RawKeyOrNull(keyFrom), Serdes.RawKeyOrNull(keyTo), earliestSessionEndMs, latestSessionStartMs));

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFindSessions(TKey? keyFrom, TKey? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        Typed(inner.BackwardFindSessions(Serdes.RawKeyOrNull(keyFrom), Serdes.RawKeyOrNull(keyTo), earliestSessionEndMs, latestSessionStartMs));

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> Fetch(TKey key) => Typed(inner.Fetch(RawKey(key)));

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFetch(TKey key) => Typed(inner.BackwardFetch(RawKey(key)));

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> Fetch(TKey? keyFrom, TKey? keyTo) =>
        Typed(inner.Fetch(Serdes.RawKeyOrNull(keyFrom), Serdes.RawKeyOrNull(keyTo)));

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFetch(TKey? keyFrom, TKey? keyTo) =>
        Typed(inner.BackwardFetch(Serdes.RawKeyOrNull(keyFrom), Serdes.RawKeyOrNull(keyTo)));

    private Windowed<byte[]> RawSessionKey(Windowed<TKey> sessionKey)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        return new Windowed<byte[]>(RawKey(sessionKey.Key), sessionKey.Window);
    }

    private MappedEnumerable<Windowed<byte[]>, byte[], Windowed<TKey>, TAggregate> Typed(IKeyValueEnumerable<Windowed<byte[]>, byte[]> raw) =>
        new(raw, _sessionFrom ?? throw NotOpen(), _aggregateFrom!);

    private InvalidOperationException NotOpen() => new($"Store '{Name}' is not open");
}
