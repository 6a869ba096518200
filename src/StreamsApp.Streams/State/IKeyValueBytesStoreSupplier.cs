namespace StreamsApp.Streams.State;

/// <summary>Creates the innermost, byte-level layer of a key-value store (in memory or RocksDB).</summary>
public interface IKeyValueBytesStoreSupplier
{
    /// <summary>The store name.</summary>
    string Name { get; }

    /// <summary>The metrics scope, e.g. <c>rocksdb</c> or <c>in-memory</c>.</summary>
    string MetricsScope { get; }

    /// <summary>Creates a new, unopened store instance (one per task).</summary>
    IKeyValueStore<byte[], byte[]> Get();
}
