using Confluent.Kafka;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Keeps the global stores up to date (Kafka Streams' global state task): every record of a global topic, from any
/// partition, goes through its global source and processor at once. Global stores have no caching layer (see
/// <c>InternalTopologyBuilder.AddGlobalStore</c>), so every task reads each update as soon as it is applied. The
/// test driver feeds it piped records; the runtime's <see cref="GlobalStreamThread"/> feeds it from a consumer of all
/// global partitions, reading each to its end offset before stream threads start (bootstrap).
/// </summary>
internal sealed class GlobalStateUpdater(ProcessorTopology topology, TaskContext context, ProcessorStateManager stateManager) : IGlobalStores
{
    private readonly List<IStateStore> _stores = [];

    /// <summary>The global topics, as the consumer sees them.</summary>
    public IEnumerable<string> Topics => topology.SourcesByTopic.Keys;

    /// <summary>The global task's id, <c>-1_-1</c> as in Kafka Streams: its stores' metrics carry it.</summary>
    public TaskId TaskId => context.TaskId;

    /// <summary>The stores' data layers, as they registered when they opened.</summary>
    public IEnumerable<IStateStore> Stores => stateManager.Stores.Select(registered => registered.Store);

    /// <summary>Held while a record updates the stores, and while they flush or close: interactive queries and gauges read under it.</summary>
    public Lock StoreLock { get; } = new();

    /// <summary>Opens the global stores, then initializes the global sources and processors.</summary>
    public void Initialize()
    {
        topology.Initialize(context, _stores);
    }

    public bool TryGetStore(string name, out IStateStore store)
    {
        store = null!;
        return context.HasStore(name) && (store = context.GetStore(name)) is not null;
    }

    /// <summary>Applies one record of a global topic to its store.</summary>
    public void Update(ConsumeResult<byte[]?, byte[]?> record)
    {
        var source = topology.SourcesByTopic[record.Topic];
        if (source.Stamp(record, -1) is not { } stamped)
        {
            return;
        }

        context.CurrentRecord = record;
        context.CurrentTimestamp = stamped.Timestamp;
        try
        {
            lock (StoreLock)
            {
                source.Process(stamped);
            }
        }
        finally
        {
            context.CurrentRecord = null;
        }
    }

    /// <summary>
    /// Flushes the global stores (RocksDB memtables to disk) and waits for the dead letters sent so far, before a
    /// checkpoint: the checkpoint must not pass a record whose dead letter could still be lost.
    /// </summary>
    public void Flush()
    {
        context.Collector.Flush();
        lock (StoreLock)
        {
            foreach (var store in _stores.Where(s => s.IsOpen))
            {
                store.Flush();
            }
        }
    }

    /// <summary>Flushes and closes the global stores.</summary>
    public void Close()
    {
        lock (StoreLock)
        {
            CloseLocked();
        }
    }

    private void CloseLocked()
    {
        foreach (var node in topology.Nodes)
        {
            node.Close();
        }

        foreach (var store in _stores)
        {
            if (store.IsOpen)
            {
                store.Flush();
                store.Close();
            }
        }
    }
}
