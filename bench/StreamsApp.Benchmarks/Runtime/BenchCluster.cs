using Confluent.Kafka;
using Confluent.Kafka.Admin;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Benchmarks.Runtime;

/// <summary>
/// The cluster a runtime benchmark runs on: a new embedded cluster, or a real one at a bootstrap address. On a real
/// cluster topic names and application ids get a suffix of this run, so that runs never read each other's records,
/// and topics are created through Kafka's admin API.
/// </summary>
internal sealed class BenchCluster : IDisposable
{
    private readonly EmbeddedKafkaCluster? _embedded;
    private readonly string _suffix;

    private BenchCluster(EmbeddedKafkaCluster? embedded, string bootstrapServers, string name, string suffix)
    {
        _embedded = embedded;
        BootstrapServers = bootstrapServers;
        Name = name;
        _suffix = suffix;
    }

    public string BootstrapServers { get; }

    /// <summary>What the figures were measured on, for the report.</summary>
    public string Name { get; }

    public bool IsEmbedded => _embedded is not null;

    /// <summary>A new embedded cluster (librdkafka's mock).</summary>
    public static BenchCluster Embedded()
    {
        var cluster = EmbeddedKafkaCluster.Start();
        return new BenchCluster(cluster, cluster.BootstrapServers, "the embedded cluster (librdkafka's mock)", "");
    }

    /// <summary>A real cluster; <paramref name="bootstrapServers"/> names its brokers.</summary>
    public static BenchCluster Real(string bootstrapServers) =>
        new(null, bootstrapServers, $"the Kafka cluster at {bootstrapServers}", "-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A topic or application id of this run.</summary>
    public string Scoped(string name) => name + _suffix;

    public void CreateTopic(string name, int partitions)
    {
        if (_embedded is not null)
        {
            _embedded.CreateTopic(name, partitions);
            return;
        }

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        admin.CreateTopicsAsync([new TopicSpecification { Name = name, NumPartitions = partitions, ReplicationFactor = -1 }])
            .GetAwaiter().GetResult();
    }

    /// <summary>The embedded cluster's topic admin; null on a real cluster, where the runtime uses Kafka's admin API.</summary>
    public ITopicAdmin? CreateTopicAdmin() => _embedded?.CreateTopicAdmin();

    public void Dispose() => _embedded?.Dispose();
}
