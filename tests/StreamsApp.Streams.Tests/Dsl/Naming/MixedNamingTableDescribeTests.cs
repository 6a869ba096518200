using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Tests.Dsl.Naming;

/// <summary>
/// Describe() of table programs that mix named and unnamed operations, numbered as Kafka Streams numbers them (each
/// expectation derived by walking its DSL source by hand).
/// </summary>
public sealed class MixedNamingTableDescribeTests
{
    private static readonly ISerde<string> Strings = Serdes.String();

    [Fact]
    public void Named_table_table_join_and_named_consumed_draw_numbers()
    {
        var builder = new StreamsBuilder();
        var left = builder.Table("left-table", Consumed.With(Strings, Strings));
        var right = builder.Table(
            "right-table", Consumed.With(Strings, Strings).WithName("right"), Materialized.As<string, string>("right-store"));
        left.Join(right, (l, r) => l + r, Named.As("lr-join"))
            .ToStream()
            .To("joined", Produced.With(Strings, Strings));

        // The left table takes 0-2. The right table's store is named (no number); its Consumed name names the table
        // node and, suffixed -source, the source (InternalStreamsBuilder.table), drawing 3 and 4. KTableImpl.doJoin
        // draws merge 5, this 6, other 7 for the named join; ToStream 8, sink 9.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [left-table])\n" +
            "      --> KTABLE-SOURCE-0000000002\n" +
            "    Source: right-source (topics: [right-table])\n" +
            "      --> right\n" +
            "    Processor: KTABLE-SOURCE-0000000002 (stores: [left-table-STATE-STORE-0000000000])\n" +
            "      --> lr-join-join-this\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n" +
            "    Processor: right (stores: [right-store])\n" +
            "      --> lr-join-join-other\n" +
            "      <-- right-source\n" +
            "    Processor: lr-join-join-other (stores: [left-table-STATE-STORE-0000000000])\n" +
            "      --> lr-join\n" +
            "      <-- right\n" +
            "    Processor: lr-join-join-this (stores: [right-store])\n" +
            "      --> lr-join\n" +
            "      <-- KTABLE-SOURCE-0000000002\n" +
            "    Processor: lr-join (stores: [])\n" +
            "      --> KTABLE-TOSTREAM-0000000008\n" +
            "      <-- lr-join-join-this, lr-join-join-other\n" +
            "    Processor: KTABLE-TOSTREAM-0000000008 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000009\n" +
            "      <-- lr-join\n" +
            "    Sink: KSTREAM-SINK-0000000009 (topic: joined)\n" +
            "      <-- KTABLE-TOSTREAM-0000000008\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Global_and_table_sources_with_named_consumed_draw_numbers()
    {
        var builder = new StreamsBuilder();
        var rates = builder.GlobalTable("rates", Consumed.With(Strings, Strings).WithName("rates"));
        var limits = builder.Table("limits", Consumed.With(Strings, Strings).WithName("limits"));
        builder.Stream("trades", Consumed.With(Strings, Strings))
            .Join(rates, (k, _) => k, (trade, rate) => trade + rate)
            .Join(limits, (trade, limit) => trade + limit)
            .To("checked", Produced.With(Strings, Strings));

        // InternalStreamsBuilder.globalTable and .table: the store is drawn first (rates 0, limits 3), then the source
        // <name>-source (1, 4) and the table node <name> (2, 5). Kafka Streams' KStreamImpl.globalTableJoin names even an
        // inner join KSTREAM-LEFTJOIN- (7); the table join is 8, the sink 9.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000006 (topics: [trades])\n" +
            "      --> KSTREAM-LEFTJOIN-0000000007\n" +
            "    Processor: KSTREAM-LEFTJOIN-0000000007 (stores: [])\n" +
            "      --> KSTREAM-JOIN-0000000008\n" +
            "      <-- KSTREAM-SOURCE-0000000006\n" +
            "    Processor: KSTREAM-JOIN-0000000008 (stores: [limits-STATE-STORE-0000000003])\n" +
            "      --> KSTREAM-SINK-0000000009\n" +
            "      <-- KSTREAM-LEFTJOIN-0000000007\n" +
            "    Source: limits-source (topics: [limits])\n" +
            "      --> limits\n" +
            "    Sink: KSTREAM-SINK-0000000009 (topic: checked)\n" +
            "      <-- KSTREAM-JOIN-0000000008\n" +
            "    Processor: limits (stores: [limits-STATE-STORE-0000000003])\n" +
            "      --> none\n" +
            "      <-- limits-source\n\n" +
            "  Sub-topology: 1 for global store (will not generate tasks)\n" +
            "    Source: rates-source (topics: [rates])\n" +
            "      --> rates\n" +
            "    Processor: rates (stores: [rates-STATE-STORE-0000000000])\n" +
            "      --> none\n" +
            "      <-- rates-source\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Table_aggregation_names_its_repartition_nodes_after_the_aggregation()
    {
        var builder = new StreamsBuilder();
        builder.Table("input-topic", Consumed.With(Strings, Strings))
            .Filter((_, v) => v.Length > 0, materialized: Materialized.With(Strings, Strings))
            .GroupBy((_, v) => KeyValue.Pair(v, v), Grouped.As<string, string>("by-value"))
            .Count(Named.As("value-count"))
            .ToStream()
            .To("value-counts", Produced.With(Strings, Serdes.Int64()));

        // The table takes 0-2. KTableImpl.doFilter with a Materialized without a name draws a store name (3) that it
        // never uses (only a named Materialized materializes), then the filter (4). KTableImpl.groupBy names the
        // selector after the group (5). KGroupedTableImpl.count generates its store (6), and doAggregate names the
        // repartition's sink and source after the aggregation (7, 8), the aggregation 9, the topic after the group;
        // ToStream 10, sink 11.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n" +
            "      --> KTABLE-SOURCE-0000000002\n" +
            "    Processor: KTABLE-SOURCE-0000000002 (stores: [input-topic-STATE-STORE-0000000000])\n" +
            "      --> KTABLE-FILTER-0000000004\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n" +
            "    Processor: KTABLE-FILTER-0000000004 (stores: [])\n" +
            "      --> by-value\n" +
            "      <-- KTABLE-SOURCE-0000000002\n" +
            "    Processor: by-value (stores: [])\n" +
            "      --> value-count-sink\n" +
            "      <-- KTABLE-FILTER-0000000004\n" +
            "    Sink: value-count-sink (topic: by-value-repartition)\n" +
            "      <-- by-value\n\n" +
            "  Sub-topology: 1\n" +
            "    Source: value-count-source (topics: [by-value-repartition])\n" +
            "      --> value-count\n" +
            "    Processor: value-count (stores: [KTABLE-AGGREGATE-STATE-STORE-0000000006])\n" +
            "      --> KTABLE-TOSTREAM-0000000010\n" +
            "      <-- value-count-source\n" +
            "    Processor: KTABLE-TOSTREAM-0000000010 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000011\n" +
            "      <-- value-count\n" +
            "    Sink: KSTREAM-SINK-0000000011 (topic: value-counts)\n" +
            "      <-- KTABLE-TOSTREAM-0000000010\n\n",
            builder.Build().Describe().ToString());
    }
}
