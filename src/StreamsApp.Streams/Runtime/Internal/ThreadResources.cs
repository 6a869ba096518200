using StreamsApp.Streams.Metrics;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>What a stream thread's tasks share: the thread's producer, and the instance's clock, metrics, topic sizes,
/// global state, state directory and standby replicas.</summary>
internal sealed record ThreadResources(
    string ThreadId,
    StreamsProducer Producer,
    TopicPartitionCounts PartitionCounts,
    TimeProvider Time,
    StreamsMetrics Metrics,
    GlobalStateUpdater? GlobalState,
    StateDirectory StateDirectory,
    StandbyUpdater? Standbys);
