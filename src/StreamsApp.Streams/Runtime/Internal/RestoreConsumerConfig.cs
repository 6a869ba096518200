using Confluent.Kafka;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>The configuration of a stream thread's restore consumer, which <see cref="StoreChangelogReader"/> owns.</summary>
internal static class RestoreConsumerConfig
{
    /// <summary>
    /// A consumer that joins no group (partitions are assigned by hand and no offsets are committed; Confluent.Kafka
    /// still wants a group id, so it gets one of its own, apart from the application's group), reads only
    /// committed changelog records under exactly-once, and starts at the earliest record left when a checkpointed
    /// offset was deleted.
    /// </summary>
    public static ConsumerConfig Create(StreamsConfig config, string clientId)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ConsumerConfig
        {
            BootstrapServers = config.BootstrapServers,
            ClientId = clientId,
            GroupId = config.ApplicationId + "-restore-consumer",
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            IsolationLevel = config.ProcessingGuarantee == ProcessingGuarantee.ExactlyOnceV2
                ? IsolationLevel.ReadCommitted
                : IsolationLevel.ReadUncommitted,
        };
    }
}
