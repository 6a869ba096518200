using StreamsApp.Streams;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Worker.Configuration;

/// <summary>The engine configuration the worker runs with, made from its options.</summary>
internal static class StreamsConfigFactory
{
    // The mock cluster's classic-group SyncGroup race stalls a rebalance for session.timeout - 1 s (embedded-kafka.md).
    private const string EmbeddedSessionTimeoutMs = "6000";

    // A member hears of a rebalance at its next heartbeat: librdkafka's 3 s would be half the short session above.
    private const string EmbeddedHeartbeatIntervalMs = "1000";

    /// <summary>
    /// A new configuration: the <c>Streams</c> section, <c>Kafka:Properties</c> merged into the client properties,
    /// the given bootstrap servers, the application server, and the dead-letter handlers the mission's topologies rely on.
    /// </summary>
    /// <param name="options">The worker's options.</param>
    /// <param name="bootstrapServers">The cluster to join (the embedded cluster's address when embedded).</param>
    /// <param name="applicationServer">
    /// host:port other instances reach this one at; default <see cref="HttpOptions.EffectiveApplicationServer"/>
    /// (none while the port is still 0, as at validation time).
    /// </param>
    public static StreamsConfig Create(WorkerOptions options, string bootstrapServers, string? applicationServer = null)
    {
        applicationServer ??= options.Http.EffectiveApplicationServer;
        var source = options.Streams;
        var properties = new Dictionary<string, string>(source.KafkaProperties, StringComparer.Ordinal);
        foreach (var (key, value) in options.Kafka.Properties)
        {
            properties[key] = value;
        }

        // Under the consumer protocol the embedded cluster's own group settings (6 s, 1 s) apply instead.
        if (options.OnEmbeddedCluster && source.GroupProtocol == GroupProtocol.Classic)
        {
            properties.TryAdd("session.timeout.ms", EmbeddedSessionTimeoutMs);
            properties.TryAdd("heartbeat.interval.ms", EmbeddedHeartbeatIntervalMs);
        }

        return new StreamsConfig
        {
            ApplicationId = source.ApplicationId,
            ApplicationServer = string.IsNullOrEmpty(applicationServer) ? null : applicationServer,
            QueryHostsSecret = options.Http.EffectivePeerSecret,
            BootstrapServers = bootstrapServers,
            StateDir = source.StateDir,
            ProcessingGuarantee = source.ProcessingGuarantee,
            GroupProtocol = source.GroupProtocol,
            GroupInstanceId = source.GroupInstanceId,
            CommitInterval = source.CommitInterval,
            CacheMaxBytesBuffering = source.CacheMaxBytesBuffering,
            NumStreamThreads = source.NumStreamThreads,
            NumStandbyReplicas = source.NumStandbyReplicas,
            MetricsRecordingLevel = source.MetricsRecordingLevel,
            KafkaProperties = properties,
            BufferedRecordsPerPartition = source.BufferedRecordsPerPartition,
            ReplicationFactor = source.ReplicationFactor,
            RocksDb = source.RocksDb,
            DeadLetterFallback = source.DeadLetterFallback,
        }.UseDeadLetterTopics();
    }
}
