namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// A store's in-memory data layer, whose contents can move to another instance of the same store in this process.
/// Memory does not survive a task's close as RocksDB files do, so a task closing cleanly parks its in-memory stores'
/// contents, and the next task to open here (a stream thread taking over from this instance's standby, or the other
/// way round) takes them and restores only the changelog records after them. Kafka Streams keeps the standby's store
/// objects instead; here the layers above the data (caching, logging, metrics) differ between a standby and an
/// active task, so only the data moves.
/// </summary>
internal interface IInMemoryDataLayer : IStateStore
{
    /// <summary>Takes the contents out, leaving the store empty; they are opaque to everyone but this store type.</summary>
    object DetachContents();

    /// <summary>Puts contents detached from another instance of the same store into this one, which must be empty.</summary>
    /// <exception cref="InvalidOperationException">The store holds data already, or the contents are of another store type.</exception>
    void AttachContents(object contents);
}
