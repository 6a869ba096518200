using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// <see cref="Topology.Describe"/> of table-table joins, character for character as Kafka Streams prints them. Kafka
/// names every kind of table-table join alike (a <c>KTABLE-MERGE-</c> drawn first, then <c>KTABLE-JOINTHIS-</c> and
/// <c>KTABLE-JOINOTHER-</c>; the <c>LEFTTHIS</c>/<c>OUTERTHIS</c> prefixes are unused), and prints a merge's parents in
/// the order they were connected. The chained outer join is what Kafka Streams printed for the same program with
/// named sources and <c>ToStream</c>, with those names replaced by the generated ones they stood for (Kafka draws a
/// number for a named operation too) and the nodes re-sorted by Kafka's rule (sub-tree size, then name).
/// </summary>
public class TableTableJoinDescribeTests
{
    [Theory]
    [InlineData("inner")]
    [InlineData("left")]
    [InlineData("outer")]
    public void Every_kind_of_table_table_join_is_described_alike(string kind)
    {
        var builder = new StreamsBuilder();
        var left = builder.Table<string, string>("left");
        var right = builder.Table<string, string>("right");
        var joined = kind switch
        {
            "inner" => left.Join(right, (l, r) => l + r),
            "left" => left.LeftJoin(right, (l, r) => l + r),
            _ => left.OuterJoin(right, (l, r) => l + r),
        };
        joined.ToStream().To("out");

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [left])\n" +
            "      --> KTABLE-SOURCE-0000000002\n" +
            "    Source: KSTREAM-SOURCE-0000000004 (topics: [right])\n" +
            "      --> KTABLE-SOURCE-0000000005\n" +
            "    Processor: KTABLE-SOURCE-0000000002 (stores: [left-STATE-STORE-0000000000])\n" +
            "      --> KTABLE-JOINTHIS-0000000007\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n" +
            "    Processor: KTABLE-SOURCE-0000000005 (stores: [right-STATE-STORE-0000000003])\n" +
            "      --> KTABLE-JOINOTHER-0000000008\n" +
            "      <-- KSTREAM-SOURCE-0000000004\n" +
            "    Processor: KTABLE-JOINOTHER-0000000008 (stores: [left-STATE-STORE-0000000000])\n" +
            "      --> KTABLE-MERGE-0000000006\n" +
            "      <-- KTABLE-SOURCE-0000000005\n" +
            "    Processor: KTABLE-JOINTHIS-0000000007 (stores: [right-STATE-STORE-0000000003])\n" +
            "      --> KTABLE-MERGE-0000000006\n" +
            "      <-- KTABLE-SOURCE-0000000002\n" +
            "    Processor: KTABLE-MERGE-0000000006 (stores: [])\n" +
            "      --> KTABLE-TOSTREAM-0000000009\n" +
            "      <-- KTABLE-JOINTHIS-0000000007, KTABLE-JOINOTHER-0000000008\n" +
            "    Processor: KTABLE-TOSTREAM-0000000009 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000010\n" +
            "      <-- KTABLE-MERGE-0000000006\n" +
            "    Sink: KSTREAM-SINK-0000000010 (topic: out)\n" +
            "      <-- KTABLE-TOSTREAM-0000000009\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Aggregates_outer_joined_twice_are_described_as_Kafka_Streams_prints_them()
    {
        var builder = new StreamsBuilder();
        var streams = new[] { "purchaseTopic", "wishlistInputTopic", "cartInputTopic" }
            .Select(topic => builder.Stream(topic, Consumed.With(Serdes.String(), Serdes.String())))
            .ToList();
        var aggregates = streams
            .Select(stream => stream.GroupByKey().Aggregate(
                () => "", (_, item, all) => all + item, materialized: Materialized.With(Serdes.String(), Serdes.String())))
            .ToList();
        var (purchases, wishlist, cart) = (aggregates[0], aggregates[1], aggregates[2]);

        purchases.OuterJoin(wishlist, (p, w) => p + w)
            .OuterJoin(cart, (pw, c) => pw + c)
            .ToStream()
            .Peek((_, _) => { })
            .To("customerOutputTopic");

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [purchaseTopic])\n" +
            "      --> KSTREAM-AGGREGATE-0000000004\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [wishlistInputTopic])\n" +
            "      --> KSTREAM-AGGREGATE-0000000006\n" +
            "    Processor: KSTREAM-AGGREGATE-0000000004 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000003])\n" +
            "      --> KTABLE-JOINTHIS-0000000010\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: KSTREAM-AGGREGATE-0000000006 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000005])\n" +
            "      --> KTABLE-JOINOTHER-0000000011\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n" +
            "    Source: KSTREAM-SOURCE-0000000002 (topics: [cartInputTopic])\n" +
            "      --> KSTREAM-AGGREGATE-0000000008\n" +
            "    Processor: KTABLE-JOINOTHER-0000000011 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000003])\n" +
            "      --> KTABLE-MERGE-0000000009\n" +
            "      <-- KSTREAM-AGGREGATE-0000000006\n" +
            "    Processor: KTABLE-JOINTHIS-0000000010 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000005])\n" +
            "      --> KTABLE-MERGE-0000000009\n" +
            "      <-- KSTREAM-AGGREGATE-0000000004\n" +
            "    Processor: KSTREAM-AGGREGATE-0000000008 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000007])\n" +
            "      --> KTABLE-JOINOTHER-0000000014\n" +
            "      <-- KSTREAM-SOURCE-0000000002\n" +
            "    Processor: KTABLE-MERGE-0000000009 (stores: [])\n" +
            "      --> KTABLE-JOINTHIS-0000000013\n" +
            "      <-- KTABLE-JOINTHIS-0000000010, KTABLE-JOINOTHER-0000000011\n" +
            "    Processor: KTABLE-JOINOTHER-0000000014 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000003, KSTREAM-AGGREGATE-STATE-STORE-0000000005])\n" +
            "      --> KTABLE-MERGE-0000000012\n" +
            "      <-- KSTREAM-AGGREGATE-0000000008\n" +
            "    Processor: KTABLE-JOINTHIS-0000000013 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000007])\n" +
            "      --> KTABLE-MERGE-0000000012\n" +
            "      <-- KTABLE-MERGE-0000000009\n" +
            "    Processor: KTABLE-MERGE-0000000012 (stores: [])\n" +
            "      --> KTABLE-TOSTREAM-0000000015\n" +
            "      <-- KTABLE-JOINTHIS-0000000013, KTABLE-JOINOTHER-0000000014\n" +
            "    Processor: KTABLE-TOSTREAM-0000000015 (stores: [])\n" +
            "      --> KSTREAM-PEEK-0000000016\n" +
            "      <-- KTABLE-MERGE-0000000012\n" +
            "    Processor: KSTREAM-PEEK-0000000016 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000017\n" +
            "      <-- KTABLE-TOSTREAM-0000000015\n" +
            "    Sink: KSTREAM-SINK-0000000017 (topic: customerOutputTopic)\n" +
            "      <-- KSTREAM-PEEK-0000000016\n\n",
            builder.Build().Describe().ToString());
    }
}
