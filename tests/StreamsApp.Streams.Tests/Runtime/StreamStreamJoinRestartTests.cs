using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// A left stream-stream join whose instance closes while left records wait in the join window: a new instance on a
/// fresh state directory restores the join's window stores (and the store of not-yet-joined records) from their
/// changelogs, so a right record joins a left record from before the restart, an unmatched one is emitted with null
/// once its window closes, and what was emitted before the restart is not emitted again.
/// </summary>
public sealed class StreamStreamJoinRestartTests
{
    private const string App = "join-restart";

    private static Topology Build()
    {
        var builder = new StreamsBuilder();
        var strings = Consumed.With(Serdes.String(), Serdes.String());
        builder.Stream("left", strings)
            .LeftJoin(builder.Stream("right", strings), (l, r) => $"{l}+{r ?? "null"}", JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(100)))
            .To("joined", Produced.With(Serdes.String(), Serdes.String()));
        return builder.Build();
    }

    private static List<(string Key, string Value)> Joined(Kafka.Embedded.EmbeddedKafkaCluster cluster, int count) =>
        [.. ReadUntil(cluster, "joined", r => r.Count >= count).Select(r => (Utf8(r.Message.Key), Utf8(r.Message.Value)))];

    [Fact]
    public async Task Restored_join_stores_join_and_expire_pre_restart_records_exactly_once()
    {
        using var cluster = StartCluster();
        foreach (var topic in new[] { "left", "right", "joined" })
        {
            cluster.CreateTopic(topic, 1);
        }

        Produce(cluster, "left", [("k0", "L0")], timestamp: 500);
        Produce(cluster, "left", [("k1", "L1"), ("k2", "L2")], timestamp: 1_000);
        using var firstDir = new TempDir();
        await using (var first = new KafkaStreams(Build(), Config(cluster, App, firstDir.Path), Options(cluster)))
        {
            await first.StartAsync();
            await WaitUntil(() => Committed(cluster, App, "left") == 3);
            Assert.Equal([("k0", "L0+null")], Joined(cluster, 1));
            await first.CloseAsync();
        }

        using var secondDir = new TempDir();
        await using var second = new KafkaStreams(Build(), Config(cluster, App, secondDir.Path), Options(cluster));
        await second.StartAsync();
        Produce(cluster, "right", [("k1", "R1")], timestamp: 1_050);
        Joined(cluster, 2);

        // k2's window [900, 1100] closes as stream time moves to 5 s; k3's as it moves to 10 s. A second
        // "L0+null" or "L2+null" would come before "L3+null".
        Produce(cluster, "left", [("k3", "L3")], timestamp: 5_000);
        Produce(cluster, "left", [("k4", "L4")], timestamp: 10_000);

        Assert.Equal([("k0", "L0+null"), ("k1", "L1+R1"), ("k2", "L2+null"), ("k3", "L3+null")], Joined(cluster, 4));
    }
}
