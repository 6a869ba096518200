using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task A_debug_logger_receives_the_mock_clusters_trace()
    {
        var logger = new CollectingLogger(LogLevel.Debug);

        await using (var cluster = EmbeddedKafkaCluster.Start(new() { Logger = logger }))
        {
            cluster.CreateTopic("traced", 2);
        }

        Assert.Contains(logger.Entries, entry =>
            entry.Level == LogLevel.Debug && entry.Message.Contains("Created topic \"traced\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_information_logger_hears_nothing_from_a_healthy_cluster()
    {
        var logger = new CollectingLogger(LogLevel.Information);

        await using (var cluster = EmbeddedKafkaCluster.Start(new() { Logger = logger, Topics = [new("quiet", 1)] }))
        {
            using var producer = Clients.Producer(cluster.BootstrapServers);
            await producer.ProduceAsync("quiet", new Message<string, string> { Key = "k", Value = "v" })
                .WaitAsync(Clients.Timeout);
        }

        Assert.Empty(logger.Entries);
    }
}
