namespace StreamsApp.Streams.State;

/// <summary>A store of state owned by one task. The runtime opens, flushes and closes it.</summary>
public interface IStateStore
{
    /// <summary>The store's name, unique within the topology.</summary>
    string Name { get; }

    /// <summary>True when the store keeps its data on disk (RocksDB), so it survives a restart without restoring.</summary>
    bool Persistent { get; }

    /// <summary>True between <see cref="Init"/> and <see cref="Close"/>.</summary>
    bool IsOpen { get; }

    /// <summary>Opens the store for a task and registers it for changelog restoration.</summary>
    /// <param name="context">The task's store context.</param>
    /// <param name="root">The outermost layer wrapping this store (the one processors see).</param>
    void Init(IStateStoreContext context, IStateStore root);

    /// <summary>Makes every write so far durable in this layer and the layers below it.</summary>
    void Flush();

    /// <summary>Closes the store; it must be flushed first.</summary>
    void Close();
}
