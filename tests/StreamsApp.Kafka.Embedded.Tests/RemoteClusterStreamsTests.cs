using System.Globalization;
using Confluent.Kafka;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Kafka.Embedded.Tests;

/// <summary>
/// A worker's view of an embedded cluster it does not own: KafkaStreams on <c>streamsapp-kafka</c> in another
/// process, creating its internal topics through <see cref="EmbeddedClusterAdminClient"/>.
/// </summary>
public sealed class RemoteClusterStreamsTests
{
    [Fact]
    public async Task A_rekeyed_count_creates_its_repartition_topic_and_changelog_on_the_server_and_counts()
    {
        using var timeout = new CancellationTokenSource(Clients.Timeout);
        using var server = await ServerProcess.StartAndReadAddressesAsync(timeout.Token, "--topic", "words:3", "--topic", "word-counts-out:1");
        var builder = new StreamsBuilder();
        builder.Stream("words", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupBy((_, word) => word, Grouped.With(Serdes.String(), Serdes.String()) with { Name = "by-word" })
            .Count(materialized: Materialized.As<string, long>("word-counts"))
            .ToStream()
            .MapValues(count => count.ToString(CultureInfo.InvariantCulture))
            .To("word-counts-out", Produced.With(Serdes.String(), Serdes.String()));
        var stateDir = Directory.CreateTempSubdirectory("streamsapp-remote-");
        try
        {
            var config = new StreamsConfig
            {
                ApplicationId = "remote-app",
                BootstrapServers = server.BootstrapServers,
                StateDir = stateDir.FullName,
                CommitInterval = TimeSpan.FromMilliseconds(100),
                KafkaProperties = { ["session.timeout.ms"] = "6000", ["heartbeat.interval.ms"] = "500" },
            };
            var options = new KafkaStreamsOptions
            {
                TopicAdmin = new EmbeddedClusterAdminClient(server.TopicAdminUrl),
                HandleShutdownSignals = false,
            };
            await using var streams = new KafkaStreams(builder.Build(), config, options);

            await streams.StartAsync(timeout.Token);

            using var admin = new EmbeddedClusterAdminClient(server.TopicAdminUrl);
            Assert.Equal(
                new Dictionary<string, int> { ["remote-app-by-word-repartition"] = 3, ["remote-app-word-counts-changelog"] = 3 },
                await admin.GetPartitionCountsAsync(["remote-app-by-word-repartition", "remote-app-word-counts-changelog"], timeout.Token));

            using (var producer = Clients.Producer(server.BootstrapServers))
            {
                foreach (var (key, word) in new[] { ("1", "kafka"), ("2", "streams"), ("3", "kafka") })
                {
                    await producer.ProduceAsync("words", new Message<string, string> { Key = key, Value = word }, timeout.Token);
                }
            }

            var expected = new Dictionary<string, string> { ["kafka"] = "2", ["streams"] = "1" };
            Assert.Equal(expected, ReadUntilLatestIs(server, "word-counts-out", expected));
        }
        finally
        {
            stateDir.Delete(recursive: true);
        }
    }

    // Reads the topic until the latest value per key is the expected one (counts may be emitted in steps).
    private static Dictionary<string, string> ReadUntilLatestIs(
        ServerProcess server, string topic, IReadOnlyDictionary<string, string> expected)
    {
        using var consumer = Clients.Consumer(server.BootstrapServers, "remote-reader");
        consumer.Subscribe(topic);
        var latest = new Dictionary<string, string>();
        var deadline = DateTime.UtcNow + Clients.Timeout;
        while (!expected.All(entry => latest.GetValueOrDefault(entry.Key) == entry.Value))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out reading '{topic}': {string.Join(", ", latest)}");
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } record)
            {
                latest[record.Message.Key] = record.Message.Value;
            }
        }

        return latest;
    }
}
