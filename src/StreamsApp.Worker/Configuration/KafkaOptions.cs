namespace StreamsApp.Worker.Configuration;

/// <summary>Kafka client settings (section <c>Kafka</c>).</summary>
public sealed class KafkaOptions
{
    /// <summary>
    /// The cluster the worker runs on. Unset, it is <see cref="KafkaMode.Cluster"/> when <c>Streams:BootstrapServers</c>
    /// is set and <see cref="KafkaMode.Embedded"/> otherwise, except in the Production environment, where a missing
    /// bootstrap is a configuration error rather than a silent demo.
    /// </summary>
    public KafkaMode? Mode { get; set; }

    /// <summary>
    /// librdkafka properties passed to every client as they are (<c>security.protocol</c>, <c>sasl.*</c>, <c>ssl.*</c>, ...),
    /// so the worker can join a secured cluster. Values of secret keys are never printed (<see cref="SecretRedaction"/>).
    /// </summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Partitions of each mission topic the worker creates (default 3).</summary>
    public int TopicPartitions { get; set; } = 3;

    /// <summary>
    /// The topic-administration URL <c>streamsapp-kafka</c> prints (<c>topic.admin.url=...</c>); empty unless the
    /// bootstrap servers are such a separate embedded cluster. When set, the worker creates the mission's topics and its
    /// internal topics through it (the mock cluster has no Kafka admin API) and uses the mock's client settings.
    /// </summary>
    public string TopicAdminUrl { get; set; } = "";

    /// <summary>
    /// Whether the worker creates the mission's missing topics at start through Kafka's admin API, with
    /// <see cref="TopicPartitions"/> partitions and <c>Streams:ReplicationFactor</c> (default off: on a real cluster
    /// topics are usually provisioned beforehand, and the principal may not be allowed to create them).
    /// </summary>
    public bool CreateTopics { get; set; }

    /// <summary>
    /// How long the worker waits at start for the configured cluster to answer before it gives up with exit code 2
    /// (default 30 s; 1 s to 10 min). Not used on the embedded cluster.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
