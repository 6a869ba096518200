using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Tests.Dsl.Cogroup;

/// <summary>Cogroup node names and sub-topologies, as Kafka Streams describes the same topologies.</summary>
public class CogroupDescribeTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void Generated_names_put_the_repartition_first_then_one_aggregate_per_input_then_the_merge()
    {
        var builder = new StreamsBuilder();
        var streamOne = builder.Stream("one", Strings);
        var two = builder.Stream("two", Strings).GroupByKey();
        var one = streamOne.Map((k, v) => KeyValue.Pair(v, k)).GroupByKey();
        one.Cogroup<string>((_, v, a) => a + v).Cogroup(two, (_, v, a) => a + v).Aggregate(() => string.Empty).ToStream().To("output");

        // Node names as in Kafka Streams; sub-topologies are numbered by sorted source names (Kafka Streams before 3.x),
        // so the cogroup's is 0 here, where Kafka Streams 3.x, numbering in topological order, makes it 1.
        AssertDescribes(builder, """
            Topologies:
               Sub-topology: 0
                Source: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-source (topics: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition])
                  --> COGROUPKSTREAM-AGGREGATE-0000000007
                Source: KSTREAM-SOURCE-0000000001 (topics: [two])
                  --> COGROUPKSTREAM-AGGREGATE-0000000008
                Processor: COGROUPKSTREAM-AGGREGATE-0000000007 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003])
                  --> COGROUPKSTREAM-MERGE-0000000009
                  <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-source
                Processor: COGROUPKSTREAM-AGGREGATE-0000000008 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003])
                  --> COGROUPKSTREAM-MERGE-0000000009
                  <-- KSTREAM-SOURCE-0000000001
                Processor: COGROUPKSTREAM-MERGE-0000000009 (stores: [])
                  --> KTABLE-TOSTREAM-0000000010
                  <-- COGROUPKSTREAM-AGGREGATE-0000000007, COGROUPKSTREAM-AGGREGATE-0000000008
                Processor: KTABLE-TOSTREAM-0000000010 (stores: [])
                  --> KSTREAM-SINK-0000000011
                  <-- COGROUPKSTREAM-MERGE-0000000009
                Sink: KSTREAM-SINK-0000000011 (topic: output)
                  <-- KTABLE-TOSTREAM-0000000010

              Sub-topology: 1
                Source: KSTREAM-SOURCE-0000000000 (topics: [one])
                  --> KSTREAM-MAP-0000000002
                Processor: KSTREAM-MAP-0000000002 (stores: [])
                  --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter
                  <-- KSTREAM-SOURCE-0000000000
                Processor: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter (stores: [])
                  --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-sink
                  <-- KSTREAM-MAP-0000000002
                Sink: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-sink (topic: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition)
                  <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter
            """);
    }

    [Fact]
    public void A_name_suffixes_the_aggregate_and_merge_nodes_and_the_store_name_prefixes_the_repartition_topic()
    {
        var builder = new StreamsBuilder();
        var streamOne = builder.Stream("one", Strings);
        var two = builder.Stream("two", Strings).GroupByKey();
        var one = streamOne.Map((k, v) => KeyValue.Pair(v, k)).GroupByKey();
        one.Cogroup<string>((_, v, a) => a + v)
            .Cogroup(two, (_, v, a) => a + v)
            .Aggregate(() => string.Empty, Named.As("test"), Materialized.As<string, string>("store"))
            .ToStream()
            .To("output");

        AssertDescribes(builder, """
            Topologies:
               Sub-topology: 0
                Source: KSTREAM-SOURCE-0000000000 (topics: [one])
                  --> KSTREAM-MAP-0000000002
                Processor: KSTREAM-MAP-0000000002 (stores: [])
                  --> store-repartition-filter
                  <-- KSTREAM-SOURCE-0000000000
                Processor: store-repartition-filter (stores: [])
                  --> store-repartition-sink
                  <-- KSTREAM-MAP-0000000002
                Sink: store-repartition-sink (topic: store-repartition)
                  <-- store-repartition-filter

              Sub-topology: 1
                Source: KSTREAM-SOURCE-0000000001 (topics: [two])
                  --> test-cogroup-agg-1
                Source: store-repartition-source (topics: [store-repartition])
                  --> test-cogroup-agg-0
                Processor: test-cogroup-agg-0 (stores: [store])
                  --> test-cogroup-merge
                  <-- store-repartition-source
                Processor: test-cogroup-agg-1 (stores: [store])
                  --> test-cogroup-merge
                  <-- KSTREAM-SOURCE-0000000001
                Processor: test-cogroup-merge (stores: [])
                  --> KTABLE-TOSTREAM-0000000009
                  <-- test-cogroup-agg-0, test-cogroup-agg-1
                Processor: KTABLE-TOSTREAM-0000000009 (stores: [])
                  --> KSTREAM-SINK-0000000010
                  <-- test-cogroup-merge
                Sink: KSTREAM-SINK-0000000010 (topic: output)
                  <-- KTABLE-TOSTREAM-0000000009
            """);
    }

    private static void AssertDescribes(StreamsBuilder builder, string expected) =>
        Assert.Equal(expected.ReplaceLineEndings().Trim(), builder.Build().Describe().ToString().ReplaceLineEndings().Trim());
}
