namespace StreamsApp.Streams.State;

/// <summary>Creates the innermost, byte-level layer of a session store (in memory or RocksDB).</summary>
public interface ISessionBytesStoreSupplier
{
    /// <summary>The store name.</summary>
    string Name { get; }

    /// <summary>The metrics scope, e.g. <c>rocksdb-session</c> or <c>in-memory-session</c>.</summary>
    string MetricsScope { get; }

    /// <summary>How long sessions are kept after stream time passes their end.</summary>
    long RetentionPeriodMs { get; }

    /// <summary>The time span (of session ends) of one segment; whole segments are dropped as they expire.</summary>
    long SegmentIntervalMs { get; }

    /// <summary>Creates a new, unopened store instance (one per task).</summary>
    ISessionStore<byte[], byte[]> Get();
}
