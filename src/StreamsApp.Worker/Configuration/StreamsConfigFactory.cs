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
        var config = new StreamsConfig();
        Apply(config, options, bootstrapServers, applicationServer);
        return config;
    }

    /// <summary>Sets every setting of <paramref name="config"/> as <see cref="Create"/> makes them (the hosting package's options instance).</summary>
    /// <param name="config">The configuration to set.</param>
    /// <param name="options">The worker's options.</param>
    /// <param name="bootstrapServers">The cluster to join.</param>
    /// <param name="applicationServer">As for <see cref="Create"/>.</param>
    public static void Apply(StreamsConfig config, WorkerOptions options, string bootstrapServers, string? applicationServer = null)
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

        config.ApplicationId = source.ApplicationId;
        config.ApplicationServer = string.IsNullOrEmpty(applicationServer) ? null : applicationServer;
        config.QueryHostsSecret = options.Http.EffectivePeerSecret;
        config.BootstrapServers = bootstrapServers;
        config.StateDir = source.StateDir;
        config.ProcessingGuarantee = source.ProcessingGuarantee;
        config.GroupProtocol = source.GroupProtocol;
        config.GroupInstanceId = source.GroupInstanceId;
        config.CommitInterval = source.CommitInterval;
        config.TransactionTimeout = source.TransactionTimeout;
        config.CacheMaxBytesBuffering = source.CacheMaxBytesBuffering;
        config.NumStreamThreads = source.NumStreamThreads;
        config.NumStandbyReplicas = source.NumStandbyReplicas;
        config.MetricsRecordingLevel = source.MetricsRecordingLevel;
        config.KafkaProperties = properties;
        config.BufferedRecordsPerPartition = source.BufferedRecordsPerPartition;
        config.ReplicationFactor = source.ReplicationFactor;
        config.RocksDb = source.RocksDb;
        config.DeadLetterFallback = source.DeadLetterFallback;
        config.UseDeadLetterTopics();
    }
}
