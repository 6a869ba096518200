namespace StreamsApp.Streams.Runtime;

/// <summary>The life cycle of a <see cref="KafkaStreams"/> instance, as in Kafka Streams.</summary>
public enum KafkaStreamsState
{
    /// <summary>Constructed, not started.</summary>
    Created,

    /// <summary>Joining the group, taking over partitions or restoring state; not every task is processing.</summary>
    Rebalancing,

    /// <summary>Every stream thread owns its tasks and processes.</summary>
    Running,

    /// <summary>Closing: threads commit, flush, checkpoint and leave the group.</summary>
    PendingShutdown,

    /// <summary>Closed cleanly.</summary>
    NotRunning,

    /// <summary>Stopped after a failure the uncaught-exception handler chose not to survive.</summary>
    Error,
}
