using StreamsApp.Streams.Errors;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// One processor node's view of its task: the shared task context plus the node's children and the stores it
/// may use. Both processor flavours share it.
/// </summary>
internal sealed class ProcessorContext<TKeyOut, TValueOut>(
    TaskContext task, string nodeName, IReadOnlySet<string> connectedStores, ChildNodes<TKeyOut, TValueOut> children)
    : IProcessorContext<TKeyOut, TValueOut>, IFixedKeyProcessorContext<TKeyOut, TValueOut>, IHasTaskContext
{
    public TaskContext Task => task;

    public string ApplicationId => task.ApplicationId;

    public TaskId TaskId => task.TaskId;

    public RecordMetadata? RecordMetadata => task.RecordMetadata;

    public long CurrentStreamTimeMs => task.StreamTime;

    public long CurrentSystemTimeMs => task.WallClockMs;

    public void Forward(Record<TKeyOut, TValueOut> record) => Stamped(record, null);

    public void Forward(Record<TKeyOut, TValueOut> record, string childName) => Stamped(record, childName);

    public void Forward(FixedKeyRecord<TKeyOut, TValueOut> record) => Stamped(record.ToRecord(), null);

    public void Forward(FixedKeyRecord<TKeyOut, TValueOut> record, string childName) => Stamped(record.ToRecord(), childName);

    public TStore GetStateStore<TStore>(string name)
        where TStore : IStateStore
    {
        IStateStore store;
        if (connectedStores.Contains(name))
        {
            store = task.GetStore(name);
        }
        else if (task.GlobalStores?.TryGetStore(name, out var global) == true)
        {
            // Global stores are readable from every processor without a connection, as in Kafka Streams.
            store = global;
        }
        else
        {
            throw new StreamsException(
                $"Processor '{nodeName}' has no access to state store '{name}': connect it when adding the processor " +
                "(Topology.AddProcessor stores, ConnectProcessorAndStateStores, or the DSL's store names)");
        }

        return store is TStore typed
            ? typed
            : throw new StreamsException($"State store '{name}' is a {store.GetType().Name}, not a {typeof(TStore).Name}");
    }

    public ICancellable Schedule(TimeSpan interval, PunctuationType type, Action<long> punctuator) =>
        task.Schedule(nodeName, interval, type, punctuator);

    public void Commit() => task.RequestCommit();

    // The children run in the forwarded record's time, as in Kafka Streams, whose forward sets the record context:
    // what they write to a store (a cache entry, a changelog record) carries it, not the input record's time.
    private void Stamped(Record<TKeyOut, TValueOut> record, string? childName)
    {
        var inputTimestamp = task.CurrentTimestamp;
        task.CurrentTimestamp = record.Timestamp;
        try
        {
            if (childName is null)
            {
                children.Forward(record);
            }
            else
            {
                children.Forward(record, childName);
            }
        }
        finally
        {
            task.CurrentTimestamp = inputTimestamp;
        }
    }
}
