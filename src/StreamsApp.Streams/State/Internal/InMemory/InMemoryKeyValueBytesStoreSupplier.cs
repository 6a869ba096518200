namespace StreamsApp.Streams.State.Internal.InMemory;

/// <summary>Supplies <see cref="InMemoryKeyValueStore"/> instances, one per task.</summary>
/// <param name="name">The store name.</param>
internal sealed class InMemoryKeyValueBytesStoreSupplier(string name) : IKeyValueBytesStoreSupplier
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string MetricsScope => "in-memory";

    /// <inheritdoc />
    public IKeyValueStore<byte[], byte[]> Get() => new InMemoryKeyValueStore(Name);
}
