namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>Supplies segmented window stores of one backend, one per task.</summary>
internal sealed class WindowBytesStoreSupplier(
    string name, long retentionPeriodMs, long windowSizeMs, bool retainDuplicates, long segmentIntervalMs, bool persistent)
    : IWindowBytesStoreSupplier
{
    public string Name { get; } = name;

    public string MetricsScope => persistent ? "rocksdb-window" : "in-memory-window";

    public long RetentionPeriodMs { get; } = retentionPeriodMs;

    public long WindowSizeMs { get; } = windowSizeMs;

    public bool RetainDuplicates { get; } = retainDuplicates;

    public long SegmentIntervalMs { get; } = segmentIntervalMs;

    public IWindowStore<byte[], byte[]> Get() =>
        new SegmentedWindowStore(Name, RetentionPeriodMs, SegmentIntervalMs, WindowSizeMs, RetainDuplicates, SegmentFactories.Create(persistent));
}

/// <summary>Supplies segmented session stores of one backend, one per task.</summary>
internal sealed class SessionBytesStoreSupplier(string name, long retentionPeriodMs, long segmentIntervalMs, bool persistent)
    : ISessionBytesStoreSupplier
{
    public string Name { get; } = name;

    public string MetricsScope => persistent ? "rocksdb-session" : "in-memory-session";

    public long RetentionPeriodMs { get; } = retentionPeriodMs;

    public long SegmentIntervalMs { get; } = segmentIntervalMs;

    public ISessionStore<byte[], byte[]> Get() =>
        new SegmentedSessionStore(Name, RetentionPeriodMs, SegmentIntervalMs, SegmentFactories.Create(persistent));
}

/// <summary>The segment factory of a backend.</summary>
internal static class SegmentFactories
{
    public static ISegmentFactory Create(bool persistent) => persistent ? new RocksDbSegmentFactory() : new InMemorySegmentFactory();
}
