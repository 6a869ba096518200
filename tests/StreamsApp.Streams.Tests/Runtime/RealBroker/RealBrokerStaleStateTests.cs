using System.Buffers.Binary;
using System.Text;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.TestApp;
using StreamsApp.Streams.Tests.ErrorHandling;
using StreamsApp.TestSupport;
using static StreamsApp.Streams.Tests.Runtime.RealBroker.RealBrokerClients;

namespace StreamsApp.Streams.Tests.Runtime.RealBroker;

/// <summary>
/// Opt-in, on a real broker: a changelog deleted and created again while the application was down, and already
/// longer than the old checkpoint (so no offset gives it away), is told by its new topic id. The task's state is
/// wiped and restored from the new changelog instead of being trusted.
/// </summary>
public sealed class RealBrokerStaleStateTests
{
    [RealKafkaFact]
    public async Task State_of_a_changelog_deleted_and_created_again_is_wiped_not_trusted()
    {
        var bootstrap = RealKafkaFactAttribute.BootstrapServers!;
        var app = $"stale-{Guid.NewGuid():N}"[..18];
        var changelog = $"{app}-{KeyCountTopology.Store}-changelog";
        await CreateTopicsAsync(bootstrap, 1, KeyCountTopology.Input(app), KeyCountTopology.Output(app));
        using var dir = new KafkaTestKit.TempDir();

        // Three records for "a", counted and checkpointed by a clean close: the changelog's offsets 0 to 2.
        var first = await CountAsync(bootstrap, app, dir.Path, new CapturingLoggerFactory(), ["a", "a", "a"], seen => seen.GetValueOrDefault("a")?.Count == 3);
        Assert.Equal([1, 2, 3], first["a"]);

        // Recreated with ten records for another key: longer than the checkpoint, so only its id tells it is new.
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
        {
            await admin.DeleteTopicsAsync([changelog]);
            // Metadata of all topics: a request naming the deleted one would have the broker create it again.
            await KafkaTestKit.WaitUntil(() => admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.All(t => t.Topic != changelog));
            await CreateTopicsAsync(bootstrap, 1, changelog);
        }

        using (var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
        {
            var seven = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(seven, 7);
            for (var i = 0; i < 10; i++)
            {
                producer.Produce(changelog, new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes("b"), Value = seven });
            }

            Assert.Equal(0, producer.Flush(KafkaTestKit.WaitTimeout));
        }

        // Trusted, the old store would count "a" on from 3; wiped and restored, it knows "b" only.
        var logs = new CapturingLoggerFactory();
        var second = await CountAsync(
            bootstrap, app, dir.Path, logs, ["a", "b"], seen => seen.GetValueOrDefault("a")?.Count == 4 && seen.ContainsKey("b"));
        Assert.Equal(1, second["a"][^1]);
        Assert.Equal([8], second["b"]);

        Assert.Contains(logs.Snapshot(), line => line.Level == LogLevel.Warning
            && line.Message.StartsWith("Task 0_0: topic " + changelog + " was deleted and created again", StringComparison.Ordinal));
    }

    /// <summary>
    /// Starts the count, sends <paramref name="keys"/>, reads the output (from its beginning) until
    /// <paramref name="done"/> holds for every key's counts so far, and closes cleanly.
    /// </summary>
    private static async Task<Dictionary<string, List<long>>> CountAsync(
        string bootstrap, string app, string stateDir, CapturingLoggerFactory logs, string[] keys,
        Func<IReadOnlyDictionary<string, List<long>>, bool> done)
    {
        var config = new StreamsConfig
        {
            ApplicationId = app, BootstrapServers = bootstrap, StateDir = stateDir, CacheMaxBytesBuffering = 0,
            CommitInterval = TimeSpan.FromMilliseconds(100),
        };
        await using var streams = new KafkaStreams(KeyCountTopology.Build(app), config, new KafkaStreamsOptions { LoggerFactory = logs, HandleShutdownSignals = false });
        await streams.StartAsync();
        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
        {
            foreach (var key in keys)
            {
                producer.Produce(KeyCountTopology.Input(app), new Message<string, string> { Key = key, Value = "x" });
            }

            Assert.Equal(0, producer.Flush(KafkaTestKit.WaitTimeout));
        }

        var counts = ReadCommitted(bootstrap, KeyCountTopology.Output(app), done, TimeSpan.FromMinutes(1));
        Assert.True(done(counts), "The counts did not arrive within a minute: " + string.Join("; ", counts.Select(c => $"{c.Key}: {string.Join(",", c.Value)}")));
        await streams.CloseAsync();
        return counts;
    }
}
