namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>Opens and destroys the key-value stores that hold one time segment each (in memory or RocksDB).</summary>
internal interface ISegmentFactory
{
    /// <summary>True when segments survive a restart on disk.</summary>
    bool Persistent { get; }

    /// <summary>Binds the factory to a task's state directory; called once when the segmented store opens.</summary>
    void Init(IStateStoreContext context, string storeName);

    /// <summary>The names of the segments already on disk (none for memory), as written by <see cref="Open"/>.</summary>
    IEnumerable<string> ExistingSegmentNames();

    /// <summary>Opens (creating if needed) the segment with the given name.</summary>
    IKeyValueStore<byte[], byte[]> Open(string segmentName);

    /// <summary>Closes a segment and deletes its data for good.</summary>
    void Destroy(IKeyValueStore<byte[], byte[]> segment);
}
