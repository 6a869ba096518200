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
/// bootstrap servers are configured, otherwise the configured cluster and HTTP registry.
/// </summary>
public sealed class KafkaConnection : IAsyncDisposable
{
    private readonly EmbeddedKafkaCluster? _cluster;
    private readonly IDisposable? _ownedRegistry;

    private KafkaConnection(string bootstrapServers, ISchemaRegistryClient registry, EmbeddedKafkaCluster? cluster, IDisposable? ownedRegistry)
    {
        BootstrapServers = bootstrapServers;
        Serdes = new ContractSerdes(registry);
        _cluster = cluster;
        _ownedRegistry = ownedRegistry;
    }

    /// <summary>The cluster's bootstrap servers.</summary>
    public string BootstrapServers { get; }

    /// <summary>True when the cluster is the worker's own embedded one.</summary>
    public bool IsEmbedded => _cluster is not null;

    /// <summary>The contract serdes on the registry in use.</summary>
    public ContractSerdes Serdes { get; }

    /// <summary>Opens the connection the options describe; embedded, it starts the cluster with the mission's topics.</summary>
    /// <param name="options">The worker's options.</param>
    /// <param name="loggerFactory">Logging for the embedded cluster.</param>
    public static KafkaConnection Open(IOptions<WorkerOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var worker = options.Value;
        if (!worker.IsEmbedded)
        {
            var http = new HttpSchemaRegistryClient(new SchemaRegistryClientOptions { Url = new Uri(worker.SchemaRegistry.Url) });
            return new KafkaConnection(worker.Streams.BootstrapServers, http, null, http);
        }

        var cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaClusterOptions
        {
            Topics = [.. MissionTopics.Definitions(worker.Kafka.TopicPartitions)],
            Logger = loggerFactory.CreateLogger<EmbeddedKafkaCluster>(),
        });
        return new KafkaConnection(cluster.BootstrapServers, new InMemorySchemaRegistry(), cluster, null);
    }

    /// <summary>
    /// A topic admin for one <see cref="KafkaStreams"/> instance (which disposes it): the embedded cluster's, or null
    /// for the runtime's default Kafka admin client.
    /// </summary>
    public ITopicAdmin? CreateTopicAdmin() => _cluster?.CreateTopicAdmin();

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
