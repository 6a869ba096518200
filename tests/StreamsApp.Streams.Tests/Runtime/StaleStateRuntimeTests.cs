using Microsoft.Extensions.Logging;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.TestApp;
using StreamsApp.Streams.Tests.ErrorHandling;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// A state directory left by a run against an earlier embedded cluster (whose data died with it) is wiped and
/// restored, never trusted: its counts would otherwise carry over into the new cluster's output. The cluster id
/// catches it at start; where a cluster cannot tell its id, the checkpoint past the changelog's end catches it.
/// </summary>
public sealed class StaleStateRuntimeTests
{
    private const string App = "stale-state";

    [Theory]
    [InlineData(true, "written against cluster embedded-")]
    [InlineData(false, "its checkpoint is past the end of changelog")]
    public async Task State_of_an_earlier_cluster_is_wiped_and_counting_starts_from_the_new_cluster_s_records(
        bool clusterTellsItsId, string reason)
    {
        using var dir = new TempDir();
        using (var first = StartCluster())
        {
            await CountAsync(first, dir.Path, new CapturingLoggerFactory(), clusterTellsItsId, words: 3, expected: 3);
        }

        using var second = StartCluster();
        var logs = new CapturingLoggerFactory();
        await CountAsync(second, dir.Path, logs, clusterTellsItsId, words: 2, expected: 2);

        var wipes = logs.Snapshot().Where(l => l.Level == LogLevel.Warning && l.Message.Contains("wiping its state", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(wipes);
        Assert.All(wipes, w => Assert.Contains(reason, w.Message, StringComparison.Ordinal));
        Assert.All(wipes, w => Assert.Matches(@"^Task \d+_\d+: ", w.Message));
    }

    /// <summary>Counts <paramref name="words"/> occurrences of one word and closes cleanly (checkpointing).</summary>
    private static async Task CountAsync(
        EmbeddedKafkaCluster cluster, string stateDir, CapturingLoggerFactory logs, bool clusterTellsItsId, int words, long expected)
    {
        cluster.CreateTopic(CountingTopology.Input(App), 1);
        cluster.CreateTopic(CountingTopology.Output(App), 1);
        var admin = cluster.CreateTopicAdmin();
        var options = new KafkaStreamsOptions
        {
            TopicAdmin = clusterTellsItsId ? admin : new ForwardingTopicAdmin(admin), LoggerFactory = logs, HandleShutdownSignals = false,
        };

        await using var streams = new KafkaStreams(CountingTopology.Build(App), Config(cluster, App, stateDir), options);
        await streams.StartAsync();
        Produce(cluster, CountingTopology.Input(App), Enumerable.Range(0, words).Select(i => ($"k{i}", "word")));

        var counts = Latest(ReadUntil(cluster, CountingTopology.Output(App), r => Latest(r, Int64).GetValueOrDefault("word") >= expected), Int64);
        Assert.Equal(expected, counts["word"]);
        await streams.CloseAsync();
    }
}
