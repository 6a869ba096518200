using Confluent.SchemaRegistry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Runtime;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Mission;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Hosting;

/// <summary>
/// The cluster and Schema Registry the worker talks to: its own embedded cluster and in-process registry when no
/// bootstrap servers are configured, otherwise the configured cluster and registry (Confluent's client) (and, on a
/// <c>streamsapp-kafka</c> cluster, its topic-administration API).
/// </summary>
public sealed class KafkaConnection : IAsyncDisposable
{
    private readonly EmbeddedKafkaCluster? _cluster;
    private readonly IDisposable? _ownedRegistry;
    private readonly Uri? _topicAdminUrl;

    private KafkaConnection(
        string bootstrapServers, ISchemaRegistryClient registry, EmbeddedKafkaCluster? cluster, IDisposable? ownedRegistry, Uri? topicAdminUrl = null)
    {
        BootstrapServers = bootstrapServers;
        Serdes = new ContractSerdes(registry);
        _cluster = cluster;
        _ownedRegistry = ownedRegistry;
        _topicAdminUrl = topicAdminUrl;
    }

    /// <summary>The cluster's bootstrap servers.</summary>
    public string BootstrapServers { get; }

    /// <summary>True when the cluster is the worker's own embedded one.</summary>
    public bool IsEmbedded => _cluster is not null;

    /// <summary>The contract serdes on the registry in use.</summary>
    public ContractSerdes Serdes { get; }

    /// <summary>
    /// Opens the connection the options describe: embedded, it starts the cluster with the mission's topics; else it
    /// checks that the cluster answers (<see cref="ClusterProbe"/>).
    /// </summary>
    /// <param name="options">The worker's options.</param>
    /// <param name="loggerFactory">Logging for the embedded cluster and the probe.</param>
    /// <exception cref="Streams.Errors.ClusterUnreachableException">The configured cluster did not answer in time.</exception>
    public static KafkaConnection Open(IOptions<WorkerOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var worker = options.Value;
        if (!worker.IsEmbedded)
        {
            ClusterProbe.EnsureReachable(worker, loggerFactory.CreateLogger<KafkaConnection>());
            var registry = new CachedSchemaRegistryClient(worker.SchemaRegistry.ClientConfig());
            var topicAdminUrl = string.IsNullOrWhiteSpace(worker.Kafka.TopicAdminUrl) ? null : new Uri(worker.Kafka.TopicAdminUrl);
            return new KafkaConnection(worker.Streams.BootstrapServers, registry, null, registry, topicAdminUrl);
        }

        var cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaClusterOptions
        {
            Topics = [.. MissionTopics.Definitions(worker.Kafka.TopicPartitions)],
            Logger = loggerFactory.CreateLogger<EmbeddedKafkaCluster>(),
        });
        return new KafkaConnection(cluster.BootstrapServers, new InMemorySchemaRegistry(), cluster, null);
    }

    /// <summary>
    /// A topic admin for one user (a <see cref="KafkaStreams"/> instance disposes its own): the worker's embedded
    /// cluster's, a client of <c>Kafka:TopicAdminUrl</c> on a <c>streamsapp-kafka</c> cluster, or null for Kafka's
    /// admin API (<see cref="TopicAdmins.Kafka"/>, the runtime's default).
    /// </summary>
    public ITopicAdmin? CreateTopicAdmin() =>
        _cluster?.CreateTopicAdmin() ?? (_topicAdminUrl is { } url ? new EmbeddedClusterAdminClient(url) : null);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _ownedRegistry?.Dispose();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
