using StreamsApp.Streams.State.Internal.InMemory;

namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>Segments held in memory, each a sorted <see cref="InMemoryKeyValueStore"/>.</summary>
internal sealed class InMemorySegmentFactory : ISegmentFactory
{
    /// <inheritdoc />
    public bool Persistent => false;

    /// <inheritdoc />
    public void Init(IStateStoreContext context, string storeName)
    {
    }

    /// <summary>None: memory does not survive the store.</summary>
    public IEnumerable<string> ExistingSegmentNames() => [];

    /// <inheritdoc />
    public IKeyValueStore<byte[], byte[]> Open(string segmentName)
    {
        var segment = new InMemoryKeyValueStore(segmentName);
        segment.Open();
        return segment;
    }

    /// <summary>Closing an in-memory store drops its data.</summary>
    public void Destroy(IKeyValueStore<byte[], byte[]> segment) => segment.Close();
}
