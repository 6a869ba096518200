using StreamsApp.Streams;

namespace StreamsApp.Worker.Configuration;

/// <summary>The worker's whole configuration, bound from the configuration root (appsettings.json, STREAMSAPP_ variables, flags).</summary>
public sealed class WorkerOptions
{
    /// <summary>The engine's settings (section <c>Streams</c>), bound straight onto the engine's own configuration type.</summary>
    public StreamsConfig Streams { get; set; } = new() { ApplicationId = "streamsapp-orders" };

    /// <summary>Kafka client settings (section <c>Kafka</c>).</summary>
    public KafkaOptions Kafka { get; set; } = new();

    /// <summary>Schema Registry settings (section <c>SchemaRegistry</c>).</summary>
    public SchemaRegistryOptions SchemaRegistry { get; set; } = new();

    /// <summary>Which topologies run and how (section <c>Mission</c>).</summary>
    public MissionSettings Mission { get; set; } = new();

    /// <summary>HTTP settings (section <c>Http</c>).</summary>
    public HttpOptions Http { get; set; } = new();

    /// <summary>Demo data and traffic (section <c>Demo</c>).</summary>
    public DemoOptions Demo { get; set; } = new();

    /// <summary>Console output (section <c>Console</c>).</summary>
    public ConsoleOptions Console { get; set; } = new();

    /// <summary>OpenTelemetry export (section <c>Telemetry</c>).</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>
    /// True when the worker runs its own embedded cluster: <c>Kafka:Mode</c> is Embedded, or unset with no bootstrap
    /// servers (which the validator refuses in the Production environment).
    /// </summary>
    public bool IsEmbedded => Kafka.Mode is { } mode ? mode == KafkaMode.Embedded : string.IsNullOrWhiteSpace(Streams.BootstrapServers);

    /// <summary>
    /// True when the cluster is the embedded (mock) one: the worker's own, or <c>streamsapp-kafka</c> in another process
    /// (<see cref="KafkaOptions.TopicAdminUrl"/> set). The mock's quirks then apply (a short session timeout).
    /// </summary>
    public bool OnEmbeddedCluster => IsEmbedded || !string.IsNullOrWhiteSpace(Kafka.TopicAdminUrl);

    /// <summary>
    /// Whether the worker creates the mission's topics at start: through <see cref="KafkaOptions.TopicAdminUrl"/> when
    /// set, through Kafka's admin API when <see cref="KafkaOptions.CreateTopics"/> is on (its own embedded cluster is
    /// started with them).
    /// </summary>
    public bool CreatesMissionTopics => !IsEmbedded && (!string.IsNullOrWhiteSpace(Kafka.TopicAdminUrl) || Kafka.CreateTopics);

    /// <summary>Whether demo data is seeded and generated: <see cref="DemoOptions.Enabled"/>, by default only when embedded.</summary>
    public bool DemoEnabled => Demo.Enabled ?? IsEmbedded;
}
