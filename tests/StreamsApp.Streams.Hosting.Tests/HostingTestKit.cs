using Confluent.Kafka;
using StreamsApp.Kafka.Embedded;

namespace StreamsApp.Streams.Hosting.Tests;

/// <summary>The embedded cluster, a producer and condition waits for hosting tests.</summary>
internal static class HostingTestKit
{
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A cluster whose new groups rebalance at once, with a topic of <paramref name="partitions"/> partitions per name.</summary>
    public static EmbeddedKafkaCluster StartCluster(int partitions, params string[] topics)
    {
        var cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaClusterOptions
        {
            GroupInitialRebalanceDelay = TimeSpan.Zero,
            ConsumerGroupSessionTimeout = TimeSpan.FromSeconds(6),
            ConsumerGroupHeartbeatInterval = TimeSpan.FromMilliseconds(500),
        });
        foreach (var topic in topics)
        {
            cluster.CreateTopic(topic, partitions);
        }

        return cluster;
    }

    /// <summary>Produces string records and waits for their acknowledgement.</summary>
    public static void Produce(EmbeddedKafkaCluster cluster, string topic, params (string Key, string Value)[] records)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, Partitioner = Partitioner.Murmur2 }).Build();
        foreach (var (key, value) in records)
        {
            producer.Produce(topic, new Message<string, string> { Key = key, Value = value });
        }

        Assert.Equal(0, producer.Flush(WaitTimeout));
    }

    /// <summary>Checks a condition every 50 ms until it holds; fails after <see cref="WaitTimeout"/>.</summary>
    public static async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + WaitTimeout;
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}");
            await ticks.WaitForNextTickAsync();
        }
    }

    /// <summary>A fresh state directory, deleted on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("streamsapp-hosting-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
