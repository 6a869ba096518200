namespace StreamsApp.Streams.State;

/// <summary>Creates the innermost, byte-level layer of a window store (in memory or RocksDB).</summary>
public interface IWindowBytesStoreSupplier
{
    /// <summary>The store name.</summary>
    string Name { get; }

    /// <summary>The metrics scope, e.g. <c>rocksdb-window</c> or <c>in-memory-window</c>.</summary>
    string MetricsScope { get; }

    /// <summary>How long windows are kept after stream time passes their start.</summary>
    long RetentionPeriodMs { get; }

    /// <summary>The size of the windows, used to rebuild each window's end.</summary>
    long WindowSizeMs { get; }

    /// <summary>True when every put is kept, even for an equal key and window start (stream-stream join stores).</summary>
    bool RetainDuplicates { get; }

    /// <summary>The time span of one segment; whole segments are dropped as they fall out of retention.</summary>
    long SegmentIntervalMs { get; }

    /// <summary>Creates a new, unopened store instance (one per task).</summary>
    IWindowStore<byte[], byte[]> Get();
}
