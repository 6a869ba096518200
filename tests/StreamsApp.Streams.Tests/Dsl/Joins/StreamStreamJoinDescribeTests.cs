using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// <see cref="Topology.Describe"/> of left and outer stream-stream joins, character for character as Kafka Streams
/// prints them: the expectations are copied from Kafka's TopologyTest
/// (<c>streamStream{Left,Outer}JoinTopologyWith{Default,Custom}StoresNames</c>, same program, no sink).
/// </summary>
public class StreamStreamJoinDescribeTests
{
    private static readonly JoinWindows HundredMs = JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(100));

    [Fact]
    public void Stream_stream_left_join_with_default_store_names()
    {
        var builder = new StreamsBuilder();
        builder.Stream<string, string>("input-topic1")
            .LeftJoin(builder.Stream<string, string>("input-topic2"), (l, r) => l + r, HundredMs, StreamJoined());

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n" +
            "      --> KSTREAM-WINDOWED-0000000002\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n" +
            "      --> KSTREAM-WINDOWED-0000000003\n" +
            "    Processor: KSTREAM-WINDOWED-0000000002 (stores: [KSTREAM-JOINTHIS-0000000004-store])\n" +
            "      --> KSTREAM-JOINTHIS-0000000004\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: KSTREAM-WINDOWED-0000000003 (stores: [KSTREAM-OUTEROTHER-0000000005-store])\n" +
            "      --> KSTREAM-OUTEROTHER-0000000005\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n" +
            "    Processor: KSTREAM-JOINTHIS-0000000004 (stores: [KSTREAM-OUTEROTHER-0000000005-store, KSTREAM-OUTERSHARED-0000000004-store])\n" +
            "      --> KSTREAM-MERGE-0000000006\n" +
            "      <-- KSTREAM-WINDOWED-0000000002\n" +
            "    Processor: KSTREAM-OUTEROTHER-0000000005 (stores: [KSTREAM-JOINTHIS-0000000004-store, KSTREAM-OUTERSHARED-0000000004-store])\n" +
            "      --> KSTREAM-MERGE-0000000006\n" +
            "      <-- KSTREAM-WINDOWED-0000000003\n" +
            "    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n" +
            "      --> none\n" +
            "      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-OUTEROTHER-0000000005\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Stream_stream_left_join_with_a_custom_store_name()
    {
        var builder = new StreamsBuilder();
        builder.Stream<string, string>("input-topic1")
            .LeftJoin(builder.Stream<string, string>("input-topic2"), (l, r) => l + r, HundredMs, StreamJoined().WithStoreName("custom-name"));

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n" +
            "      --> KSTREAM-WINDOWED-0000000002\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n" +
            "      --> KSTREAM-WINDOWED-0000000003\n" +
            "    Processor: KSTREAM-WINDOWED-0000000002 (stores: [custom-name-this-join-store])\n" +
            "      --> KSTREAM-JOINTHIS-0000000004\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: KSTREAM-WINDOWED-0000000003 (stores: [custom-name-outer-other-join-store])\n" +
            "      --> KSTREAM-OUTEROTHER-0000000005\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n" +
            "    Processor: KSTREAM-JOINTHIS-0000000004 (stores: [custom-name-outer-other-join-store, custom-name-left-shared-join-store])\n" +
            "      --> KSTREAM-MERGE-0000000006\n" +
            "      <-- KSTREAM-WINDOWED-0000000002\n" +
            "    Processor: KSTREAM-OUTEROTHER-0000000005 (stores: [custom-name-this-join-store, custom-name-left-shared-join-store])\n" +
            "      --> KSTREAM-MERGE-0000000006\n" +
            "      <-- KSTREAM-WINDOWED-0000000003\n" +
            "    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n" +
            "      --> none\n" +
            "      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-OUTEROTHER-0000000005\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Stream_stream_outer_join_with_default_store_names()
    {
        var builder = new StreamsBuilder();
        builder.Stream<string, string>("input-topic1")
            .OuterJoin(builder.Stream<string, string>("input-topic2"), (l, r) => l + r, HundredMs, StreamJoined());

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n" +
            "      --> KSTREAM-WINDOWED-0000000002\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n" +
            "      --> KSTREAM-WINDOWED-0000000003\n" +
            "    Processor: KSTREAM-WINDOWED-0000000002 (stores: [KSTREAM-OUTERTHIS-0000000004-store])\n" +
            "      --> KSTREAM-OUTERTHIS-0000000004\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: KSTREAM-WINDOWED-0000000003 (stores: [KSTREAM-OUTEROTHER-0000000005-store])\n" +
            "      --> KSTREAM-OUTEROTHER-0000000005\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n" +
            "    Processor: KSTREAM-OUTEROTHER-0000000005 (stores: [KSTREAM-OUTERTHIS-0000000004-store, KSTREAM-OUTERSHARED-0000000004-store])\n" +
            "      --> KSTREAM-MERGE-0000000006\n" +
            "      <-- KSTREAM-WINDOWED-0000000003\n" +
            "    Processor: KSTREAM-OUTERTHIS-0000000004 (stores: [KSTREAM-OUTEROTHER-0000000005-store, KSTREAM-OUTERSHARED-0000000004-store])\n" +
            "      --> KSTREAM-MERGE-0000000006\n" +
            "      <-- KSTREAM-WINDOWED-0000000002\n" +
            "    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n" +
            "      --> none\n" +
            "      <-- KSTREAM-OUTERTHIS-0000000004, KSTREAM-OUTEROTHER-0000000005\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Stream_stream_outer_join_with_a_custom_store_name()
    {
        var builder = new StreamsBuilder();
        builder.Stream<string, string>("input-topic1")
            .OuterJoin(builder.Stream<string, string>("input-topic2"), (l, r) => l + r, HundredMs, StreamJoined().WithStoreName("custom-name"));

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n" +
            "      --> KSTREAM-WINDOWED-0000000002\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n" +
            "      --> KSTREAM-WINDOWED-0000000003\n" +
            "    Processor: KSTREAM-WINDOWED-0000000002 (stores: [custom-name-outer-this-join-store])\n" +
            "      --> KSTREAM-OUTERTHIS-0000000004\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: KSTREAM-WINDOWED-0000000003 (stores: [custom-name-outer-other-join-store])\n" +
            "      --> KSTREAM-OUTEROTHER-0000000005\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n" +
            "    Processor: KSTREAM-OUTEROTHER-0000000005 (stores: [custom-name-outer-this-join-store, custom-name-outer-shared-join-store])\n" +
            "      --> KSTREAM-MERGE-0000000006\n" +
            "      <-- KSTREAM-WINDOWED-0000000003\n" +
            "    Processor: KSTREAM-OUTERTHIS-0000000004 (stores: [custom-name-outer-other-join-store, custom-name-outer-shared-join-store])\n" +
            "      --> KSTREAM-MERGE-0000000006\n" +
            "      <-- KSTREAM-WINDOWED-0000000002\n" +
            "    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n" +
            "      --> none\n" +
            "      <-- KSTREAM-OUTERTHIS-0000000004, KSTREAM-OUTEROTHER-0000000005\n\n",
            builder.Build().Describe().ToString());
    }

    private static StreamJoined<string, string, string> StreamJoined() =>
        Streams.Dsl.StreamJoined.With(Serdes.String(), Serdes.String(), Serdes.String());
}
