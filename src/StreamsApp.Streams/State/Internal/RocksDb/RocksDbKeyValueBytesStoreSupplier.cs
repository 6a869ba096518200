namespace StreamsApp.Streams.State.Internal.RocksDb;

/// <summary>Supplies <see cref="RocksDbKeyValueStore"/> instances, one per task.</summary>
/// <param name="name">The store name.</param>
internal sealed class RocksDbKeyValueBytesStoreSupplier(string name) : IKeyValueBytesStoreSupplier
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string MetricsScope => "rocksdb";

    /// <inheritdoc />
    public IKeyValueStore<byte[], byte[]> Get() => new RocksDbKeyValueStore(Name);
}
