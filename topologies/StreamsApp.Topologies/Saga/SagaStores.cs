using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Saga;

/// <summary>The orchestrator's RocksDB stores, keyed by saga id, each with its changelog.</summary>
public static class SagaStores
{
    /// <summary>The saga state store: one <see cref="SagaState"/> per saga (Avro, through the contract serde).</summary>
    public const string State = "saga-state-store";

    /// <summary>
    /// The trace of each unfinished saga's pending command, so that a timeout, which has no causing record, continues
    /// the saga's trace. It is a store of its own because traces travel in headers, never in payloads.
    /// </summary>
    public const string Trace = "saga-trace-store";

    internal static IStoreBuilder<IKeyValueStore<string, SagaState>> StateStore(ContractSerdes serdes) =>
        Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore(State), ContractSerdes.Key, serdes.Value<SagaState>());

    internal static IStoreBuilder<IKeyValueStore<string, SagaTrace>> TraceStore() =>
        Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore(Trace), ContractSerdes.Key, Serdes.Json<SagaTrace>());
}
