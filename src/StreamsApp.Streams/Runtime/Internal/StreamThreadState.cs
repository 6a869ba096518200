namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>A stream thread's life cycle, as in Kafka Streams.</summary>
internal enum StreamThreadState
{
    Created,
    Starting,
    PartitionsRevoked,
    PartitionsAssigned,
    Running,
    PendingShutdown,
    Dead,
}
