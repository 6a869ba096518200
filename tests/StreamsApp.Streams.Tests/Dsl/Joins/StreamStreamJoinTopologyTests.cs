using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Dsl.Joins.StreamStreamJoinSupport;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// The shape of stream-stream joins: Kafka Streams' node and store names, changelog topics, and the repartition
/// topics a key change requires before the join.
/// </summary>
public class StreamStreamJoinTopologyTests
{
    private static readonly JoinWindows TenMs = JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10));

    [Fact]
    public void Describe_prints_a_windowed_inner_join_as_Kafka_Streams_does()
    {
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [left])\n" +
            "      --> KSTREAM-WINDOWED-0000000002\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [right])\n" +
            "      --> KSTREAM-WINDOWED-0000000003\n" +
            "    Processor: KSTREAM-WINDOWED-0000000002 (stores: [KSTREAM-JOINTHIS-0000000004-store])\n" +
            "      --> KSTREAM-JOINTHIS-0000000004\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: KSTREAM-WINDOWED-0000000003 (stores: [KSTREAM-JOINOTHER-0000000005-store])\n" +
            "      --> KSTREAM-JOINOTHER-0000000005\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n" +
            "    Processor: KSTREAM-JOINOTHER-0000000005 (stores: [KSTREAM-JOINTHIS-0000000004-store])\n" +
            "      --> KSTREAM-MERGE-0000000006\n" +
            "      <-- KSTREAM-WINDOWED-0000000003\n" +
            "    Processor: KSTREAM-JOINTHIS-0000000004 (stores: [KSTREAM-JOINOTHER-0000000005-store])\n" +
            "      --> KSTREAM-MERGE-0000000006\n" +
            "      <-- KSTREAM-WINDOWED-0000000002\n" +
            "    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000007\n" +
            "      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-JOINOTHER-0000000005\n" +
            "    Sink: KSTREAM-SINK-0000000007 (topic: out)\n" +
            "      <-- KSTREAM-MERGE-0000000006\n\n",
            Build(Kind.Inner, TenMs).Describe().ToString());
    }

    [Theory]
    [InlineData(Kind.Inner, "j-this-join", "j-other-join", null)]
    [InlineData(Kind.Left, "j-this-join", "j-outer-other-join", "s-left-shared-join-store")]
    [InlineData(Kind.Outer, "j-outer-this-join", "j-outer-other-join", "s-outer-shared-join-store")]
    public void A_join_name_names_the_processors_and_a_store_name_the_stores(Kind kind, string joinThis, string joinOther, string? sharedStore)
    {
        var streamJoined = StreamJoined.As<string, string, string>("s").WithName("j");
        var description = Build(kind, TenMs, streamJoined: streamJoined).Describe();

        var storeThis = joinThis.Replace("j-", "s-", StringComparison.Ordinal) + "-store";
        var storeOther = joinOther.Replace("j-", "s-", StringComparison.Ordinal) + "-store";
        Assert.Equal([storeThis], StoresOf(description, "j-this-windowed"));
        Assert.Equal([storeOther], StoresOf(description, "j-other-windowed"));
        Assert.Equal(new[] { storeOther, sharedStore }.OfType<string>().Order(StringComparer.Ordinal), StoresOf(description, joinThis));
        Assert.Equal(new[] { storeThis, sharedStore }.OfType<string>().Order(StringComparer.Ordinal), StoresOf(description, joinOther));
        Assert.Empty(StoresOf(description, "j-merge"));
    }

    // The order Describe() prints stores in is pinned by StreamStreamJoinDescribeTests; here only which ones.
    private static IOrderedEnumerable<string> StoresOf(TopologyDescription description, string node) =>
        description.Subtopologies.SelectMany(s => s.Nodes).Single(n => n.Name == node).Stores.Order(StringComparer.Ordinal);

    [Fact]
    public void Join_stores_log_to_their_changelog_topics()
    {
        using var join = new StreamStreamJoinSupport(Kind.Left, TenMs);

        join.Left.PipeInput("a", "L", 100);
        join.Right.PipeInput("a", "R", 105);
        join.Left.PipeInput("b", "L", 106);

        Assert.Equal(
            ["out", "test-driver-KSTREAM-JOINTHIS-0000000004-store-changelog", "test-driver-KSTREAM-OUTEROTHER-0000000005-store-changelog",
                "test-driver-KSTREAM-OUTERSHARED-0000000004-store-changelog"],
            join.Driver.ProducedTopicNames.Order(StringComparer.Ordinal));
        var leftChangelog = join.Driver.CreateOutputTopic(
            "test-driver-KSTREAM-JOINTHIS-0000000004-store-changelog", Serdes.String(), Serdes.String());
        Assert.Equal(2, leftChangelog.ReadAll().Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_rekeyed_side_is_repartitioned_before_the_join(int partitions)
    {
        var topology = Build(
            Kind.Inner, TenMs, left => left.SelectKey((_, value) => value), StreamJoined.As<string, string, string>("s").WithName("j"));
        Assert.Contains("Sink: j-left-repartition-sink (topic: j-left-repartition)", topology.Describe().ToString());

        using var driver = DslTestSupport.Driver(topology, ("left", partitions), ("right", partitions));
        var left = driver.CreateInputTopic("left", Serdes.String(), Serdes.String());
        var right = driver.CreateInputTopic("right", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());

        right.PipeInput("x", "R", 100);
        right.PipeInput("y", "R'", 101);
        left.PipeInput("anything", "x", 102);
        left.PipeInput("else", "y", 103);

        Assert.Equal([("x", "x+R", 102L), ("y", "y+R'", 103L)], output.ReadAll().OrderBy(r => r.Key).ToList());
    }

    [Fact]
    public void An_unnamed_join_names_the_repartition_topic_after_the_rekeyed_node()
    {
        var topology = Build(Kind.Inner, TenMs, left => left.SelectKey((_, value) => value));

        Assert.Contains("(topic: KSTREAM-KEY-SELECT-0000000001-repartition)", topology.Describe().ToString());
    }
}
