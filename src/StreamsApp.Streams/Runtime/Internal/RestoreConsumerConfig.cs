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
            // Prefetch deeply (still capped by queued.max.messages.kbytes, 64 MiB): with librdkafka's default of
            // 100,000 a 400,000-record restore of 4 partitions on the embedded cluster ran at 125,000 records/s
            // instead of 550,000, the consumer waiting on fetches between steps.
            QueuedMinMessages = 1_000_000,
            IsolationLevel = config.ProcessingGuarantee == ProcessingGuarantee.ExactlyOnceV2
                ? IsolationLevel.ReadCommitted
                : IsolationLevel.ReadUncommitted,
        };
    }
}
