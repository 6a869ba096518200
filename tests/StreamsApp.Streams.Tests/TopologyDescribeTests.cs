using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Tests;

/// <summary>
/// <see cref="Topology.Describe"/> of DSL topologies prints, character for character, what Kafka Streams prints for
/// the same program (node names, their order, the three-space first indent, a blank line after each sub-topology).
/// Expectations marked "Kafka's TopologyTest" are copied from Kafka Streams' own tests.
/// </summary>
public sealed class TopologyDescribeTests
{
    private static IKStream<string, string> Input(StreamsBuilder builder) =>
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()));

    [Fact]
    public void Stateless_chain_is_one_sub_topology()
    {
        var builder = new StreamsBuilder();
        Input(builder)
            .Filter((_, v) => v.Length > 0)
            .MapValues(v => v.ToUpperInvariant())
            .To("output");

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n" +
            "      --> KSTREAM-FILTER-0000000001\n" +
            "    Processor: KSTREAM-FILTER-0000000001 (stores: [])\n" +
            "      --> KSTREAM-MAPVALUES-0000000002\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: KSTREAM-MAPVALUES-0000000002 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000003\n" +
            "      <-- KSTREAM-FILTER-0000000001\n" +
            "    Sink: KSTREAM-SINK-0000000003 (topic: output)\n" +
            "      <-- KSTREAM-MAPVALUES-0000000002\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Key_change_then_count_is_cut_at_the_repartition_topic()
    {
        var builder = new StreamsBuilder();
        Input(builder)
            .SelectKey((_, v) => v)
            .GroupByKey()
            .Count()
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n" +
            "      --> KSTREAM-KEY-SELECT-0000000001\n" +
            "    Processor: KSTREAM-KEY-SELECT-0000000001 (stores: [])\n" +
            "      --> KSTREAM-FILTER-0000000005\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: KSTREAM-FILTER-0000000005 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000004\n" +
            "      <-- KSTREAM-KEY-SELECT-0000000001\n" +
            "    Sink: KSTREAM-SINK-0000000004 (topic: KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition)\n" +
            "      <-- KSTREAM-FILTER-0000000005\n" +
            "\n" +
            "  Sub-topology: 1\n" +
            "    Source: KSTREAM-SOURCE-0000000006 (topics: [KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition])\n" +
            "      --> KSTREAM-AGGREGATE-0000000003\n" +
            "    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000002])\n" +
            "      --> KTABLE-TOSTREAM-0000000007\n" +
            "      <-- KSTREAM-SOURCE-0000000006\n" +
            "    Processor: KTABLE-TOSTREAM-0000000007 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000008\n" +
            "      <-- KSTREAM-AGGREGATE-0000000003\n" +
            "    Sink: KSTREAM-SINK-0000000008 (topic: output)\n" +
            "      <-- KTABLE-TOSTREAM-0000000007\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Count_with_an_unnamed_materialized_draws_a_store_name_first_as_kafka_streams_does()
    {
        // Kafka's TopologyTest.kGroupedStreamAnonymousMaterializedCountShouldPreserveTopologyStructure.
        var builder = new StreamsBuilder();
        builder.Stream("input-topic", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupByKey()
            .Count(materialized: Materialized.With(Serdes.String(), Serdes.Int64()));

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n" +
            "      --> KSTREAM-AGGREGATE-0000000003\n" +
            "    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000002])\n" +
            "      --> none\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n\n",
            builder.Build().Describe().ToString());
    }

    [Theory]
    [InlineData(null, "KTABLE-AGGREGATE-STATE-STORE-0000000004", 5)]
    [InlineData("count-store", "count-store", 4)]
    public void Table_group_by_count_materializes_the_source_table(string? storeName, string countStore, int sinkIndex)
    {
        // Kafka's TopologyTest.tableZeroArgCountShouldPreserveTopologyStructure and tableNamedMaterializedCount...
        var builder = new StreamsBuilder();
        builder.Table("input-topic", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupBy((_, v) => KeyValue.Pair(v, v))
            .Count(materialized: storeName is null ? null : Materialized.As<string, long>(storeName));
        string Node(string prefix, int index) => $"{prefix}{index:D10}";
        var sink = Node("KSTREAM-SINK-", sinkIndex);
        var source = Node("KSTREAM-SOURCE-", sinkIndex + 1);
        var aggregate = Node("KTABLE-AGGREGATE-", sinkIndex + 2);

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n" +
            "      --> KTABLE-SOURCE-0000000002\n" +
            "    Processor: KTABLE-SOURCE-0000000002 (stores: [input-topic-STATE-STORE-0000000000])\n" +
            "      --> KTABLE-SELECT-0000000003\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n" +
            "    Processor: KTABLE-SELECT-0000000003 (stores: [])\n" +
            $"      --> {sink}\n" +
            "      <-- KTABLE-SOURCE-0000000002\n" +
            $"    Sink: {sink} (topic: {countStore}-repartition)\n" +
            "      <-- KTABLE-SELECT-0000000003\n" +
            "\n" +
            "  Sub-topology: 1\n" +
            $"    Source: {source} (topics: [{countStore}-repartition])\n" +
            $"      --> {aggregate}\n" +
            $"    Processor: {aggregate} (stores: [{countStore}])\n" +
            "      --> none\n" +
            $"      <-- {source}\n" +
            "\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Named_operations_keep_their_names_and_generated_ones_count_as_in_kafka_streams()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()).WithName("my-source"))
            .Filter((_, v) => v.Length > 0, Named.As("my-filter"))
            .SelectKey((_, v) => v, Named.As("my-key"))
            .GroupByKey(Grouped.As<string, string>("my-group"))
            .Count(Named.As("my-count"), Materialized.As<string, long>("my-counts"))
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()).WithName("my-sink"));

        // Sub-topologies are numbered by sorted source name, so the repartition side comes first. Kafka Streams draws a
        // number for every named operation too (NamedInternal.orElseGenerateWithPrefix): my-source 0, my-filter 1,
        // my-key 2, my-count 3 (a named store draws none), the repartition's sink, filter and source 4-6 (drawn even
        // when named, KStreamImpl.createRepartitionedSource), so ToStream is number 7.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: my-group-repartition-source (topics: [my-group-repartition])\n" +
            "      --> my-count\n" +
            "    Processor: my-count (stores: [my-counts])\n" +
            "      --> KTABLE-TOSTREAM-0000000007\n" +
            "      <-- my-group-repartition-source\n" +
            "    Processor: KTABLE-TOSTREAM-0000000007 (stores: [])\n" +
            "      --> my-sink\n" +
            "      <-- my-count\n" +
            "    Sink: my-sink (topic: output)\n" +
            "      <-- KTABLE-TOSTREAM-0000000007\n" +
            "\n" +
            "  Sub-topology: 1\n" +
            "    Source: my-source (topics: [input])\n" +
            "      --> my-filter\n" +
            "    Processor: my-filter (stores: [])\n" +
            "      --> my-key\n" +
            "      <-- my-source\n" +
            "    Processor: my-key (stores: [])\n" +
            "      --> my-group-repartition-filter\n" +
            "      <-- my-filter\n" +
            "    Processor: my-group-repartition-filter (stores: [])\n" +
            "      --> my-group-repartition-sink\n" +
            "      <-- my-key\n" +
            "    Sink: my-group-repartition-sink (topic: my-group-repartition)\n" +
            "      <-- my-group-repartition-filter\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Word_count_of_the_kafka_streams_tutorial_names_the_repartition_after_the_store()
    {
        // The WordCount program of Kafka Streams' tutorial and the description the tutorial shows for it.
        var builder = new StreamsBuilder();
        builder.Stream("streams-wordcount-input", Consumed.With(Serdes.String(), Serdes.String()))
            .FlatMapValues(v => v.ToLowerInvariant().Split(' '))
            .GroupBy((_, word) => word)
            .Count(materialized: Materialized.As<string, long>("counts-store"))
            .ToStream()
            .To("streams-wordcount-output", Produced.With(Serdes.String(), Serdes.Int64()));

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [streams-wordcount-input])\n" +
            "      --> KSTREAM-FLATMAPVALUES-0000000001\n" +
            "    Processor: KSTREAM-FLATMAPVALUES-0000000001 (stores: [])\n" +
            "      --> KSTREAM-KEY-SELECT-0000000002\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: KSTREAM-KEY-SELECT-0000000002 (stores: [])\n" +
            "      --> counts-store-repartition-filter\n" +
            "      <-- KSTREAM-FLATMAPVALUES-0000000001\n" +
            "    Processor: counts-store-repartition-filter (stores: [])\n" +
            "      --> counts-store-repartition-sink\n" +
            "      <-- KSTREAM-KEY-SELECT-0000000002\n" +
            "    Sink: counts-store-repartition-sink (topic: counts-store-repartition)\n" +
            "      <-- counts-store-repartition-filter\n" +
            "\n" +
            "  Sub-topology: 1\n" +
            "    Source: counts-store-repartition-source (topics: [counts-store-repartition])\n" +
            "      --> KSTREAM-AGGREGATE-0000000003\n" +
            "    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [counts-store])\n" +
            "      --> KTABLE-TOSTREAM-0000000007\n" +
            "      <-- counts-store-repartition-source\n" +
            "    Processor: KTABLE-TOSTREAM-0000000007 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000008\n" +
            "      <-- KSTREAM-AGGREGATE-0000000003\n" +
            "    Sink: KSTREAM-SINK-0000000008 (topic: streams-wordcount-output)\n" +
            "      <-- KTABLE-TOSTREAM-0000000007\n\n",
            builder.Build().Describe().ToString());
    }
}
