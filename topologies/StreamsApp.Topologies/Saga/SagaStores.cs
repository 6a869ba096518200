using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Saga;

/// <summary>The orchestrator's RocksDB stores, keyed by saga id (the schedule by due time, then saga id), each with its changelog.</summary>
public static class SagaStores
{
    /// <summary>The saga state store: one <see cref="SagaState"/> per saga (Avro, through the contract serde).</summary>
    public const string State = "saga-state-store";

    /// <summary>
    /// The trace of each unfinished saga's pending command, so that a timeout, which has no causing record, continues
    /// the saga's trace. It is a store of its own because traces travel in headers, never in payloads.
    /// </summary>
    public const string Trace = "saga-trace-store";

    /// <summary>
    /// When each saga is next due, to time out or to be purged (<see cref="SagaSchedule"/>): keys are the due time then
    /// the saga id, so that a scan reads only what is due.
    /// </summary>
    public const string Schedule = "saga-schedule-store";

    internal static IStoreBuilder<IKeyValueStore<string, SagaState>> StateStore(ContractSerdes serdes) =>
        Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore(State), ContractSerdes.Key, serdes.Value<SagaState>());

    internal static IStoreBuilder<IKeyValueStore<string, SagaTrace>> TraceStore() =>
        Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore(Trace), ContractSerdes.Key, Serdes.Json<SagaTrace>());

    internal static IStoreBuilder<IKeyValueStore<byte[], byte[]>> ScheduleStore() =>
        Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore(Schedule), Serdes.ByteArray(), Serdes.ByteArray());
}
