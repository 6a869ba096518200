using System.Text;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>
/// A key change before a stateful operation inserts <c>&lt;application.id&gt;-&lt;name&gt;-repartition</c>, so that
/// every record of a key meets in one task, whichever input partition it came from.
/// </summary>
public class RepartitionTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void SelectKey_then_GroupByKey_repartitions_through_a_topic_named_after_the_generated_store()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).SelectKey((_, v) => v).GroupByKey().Count();
        using var driver = new TopologyTestDriver(builder.Build());

        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("k", "word", 7);

        const string topic = "test-driver-KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition";
        Assert.Contains(topic, driver.ProducedTopicNames);
        var repartitioned = driver.CreateOutputTopic(topic, Serdes.String(), Serdes.String());
        Assert.Equal([("word", "word", 7L)], repartitioned.ReadAll());
        Assert.Equal(1L, driver.GetKeyValueStore<string, long>("KSTREAM-AGGREGATE-STATE-STORE-0000000002").Get("word"));
    }

    [Fact]
    public void Generated_names_follow_Kafka_Streams_numbering_and_the_topology_is_cut_at_the_repartition_topic()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .Filter((_, v) => v.Length > 1)
            .SelectKey((_, v) => v)
            .GroupByKey()
            .Count()
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));

        const string expected = """
            Topologies:
               Sub-topology: 0
                Source: KSTREAM-SOURCE-0000000000 (topics: [input])
                  --> KSTREAM-FILTER-0000000001
                Processor: KSTREAM-FILTER-0000000001 (stores: [])
                  --> KSTREAM-KEY-SELECT-0000000002
                  <-- KSTREAM-SOURCE-0000000000
                Processor: KSTREAM-KEY-SELECT-0000000002 (stores: [])
                  --> KSTREAM-FILTER-0000000006
                  <-- KSTREAM-FILTER-0000000001
                Processor: KSTREAM-FILTER-0000000006 (stores: [])
                  --> KSTREAM-SINK-0000000005
                  <-- KSTREAM-KEY-SELECT-0000000002
                Sink: KSTREAM-SINK-0000000005 (topic: KSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition)
                  <-- KSTREAM-FILTER-0000000006

              Sub-topology: 1
                Source: KSTREAM-SOURCE-0000000007 (topics: [KSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition])
                  --> KSTREAM-AGGREGATE-0000000004
                Processor: KSTREAM-AGGREGATE-0000000004 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000003])
                  --> KTABLE-TOSTREAM-0000000008
                  <-- KSTREAM-SOURCE-0000000007
                Processor: KTABLE-TOSTREAM-0000000008 (stores: [])
                  --> KSTREAM-SINK-0000000009
                  <-- KSTREAM-AGGREGATE-0000000004
                Sink: KSTREAM-SINK-0000000009 (topic: output)
                  <-- KTABLE-TOSTREAM-0000000008
            """;
        Assert.Equal(expected.ReplaceLineEndings().Trim(), builder.Build().Describe().ToString().ReplaceLineEndings().Trim());
    }

    [Fact]
    public void A_grouped_name_or_a_store_name_names_the_repartition_topic()
    {
        var builder = new StreamsBuilder();
        var words = builder.Stream("input", Strings).Map((_, v) => KeyValue.Pair(v, v));
        words.GroupByKey(Grouped.As<string, string>("by-word")).Count();
        words.GroupByKey().Count(materialized: Materialized.As<string, long>("word-counts"));
        using var driver = new TopologyTestDriver(builder.Build());

        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("k", "word", 7);

        Assert.Contains("test-driver-by-word-repartition", driver.ProducedTopicNames);
        Assert.Contains("test-driver-word-counts-repartition", driver.ProducedTopicNames);
    }

    [Fact]
    public void Without_a_key_change_GroupByKey_does_not_repartition()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).MapValues(v => v + "!").GroupByKey().Count(materialized: Materialized.As<string, long>("counts"));
        using var driver = new TopologyTestDriver(builder.Build());

        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("k", "v", 1);

        Assert.Equal(["test-driver-counts-changelog"], driver.ProducedTopicNames);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Records_of_one_key_from_different_input_partitions_are_aggregated_together(int partitions)
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .SelectKey((_, v) => v)
            .GroupByKey(Grouped.As<string, string>("by-word"))
            .Count(materialized: Materialized.As<string, long>("counts"))
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = DslTestSupport.Driver(builder.Build(), ("input", partitions));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        string[] words = ["apple", "pear", "apple", "fig", "apple", "pear"];

        for (var i = 0; i < words.Length; i++)
        {
            input.PipeInput(new TestRecord<string, string>("line-" + i, words[i], 100 + i, Partition: i % partitions));
        }

        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64());
        Assert.Equal(
            [("apple", 1L, 100L), ("pear", 1L, 101L), ("apple", 2L, 102L), ("fig", 1L, 103L), ("apple", 3L, 104L), ("pear", 2L, 105L)],
            output.ReadAll());
        Assert.Equal(
            [KeyValue.Pair("apple", 3L), KeyValue.Pair("fig", 1L), KeyValue.Pair("pear", 2L)],
            driver.GetKeyValueStore<string, long>("counts").Contents().OrderBy(kv => kv.Key, StringComparer.Ordinal));
        foreach (var word in new[] { "apple", "fig", "pear" })
        {
            var owner = Murmur2Partitioner.Partition(Encoding.UTF8.GetBytes(word), partitions);
            for (var partition = 0; partition < partitions; partition++)
            {
                Assert.Equal(partition == owner, driver.GetKeyValueStore<string, long>("counts", partition).TryGet(word, out _));
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void The_repartition_topic_has_the_partition_count_of_the_writing_subtopology(int partitions)
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).GroupBy((_, v) => v, Grouped.As<string, string>("by-word")).Count();
        using var driver = DslTestSupport.Driver(builder.Build(), ("input", partitions));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        string[] words = ["a", "b", "c", "d", "e", "f", "g", "h"];

        foreach (var word in words)
        {
            input.PipeInput(new TestRecord<string, string>("k", word, 1, Partition: 0));
        }

        var repartitioned = driver.CreateOutputTopic("test-driver-by-word-repartition", Serdes.String(), Serdes.String());
        var expected = words.Select(w => (int?)Murmur2Partitioner.Partition(Encoding.UTF8.GetBytes(w), partitions)).ToList();
        Assert.Equal(expected, repartitioned.ReadRecordsToList().Select(r => r.Partition).ToList());
        Assert.Equal(partitions, expected.Distinct().Count());
    }

    [Fact]
    public void Merge_split_and_value_operations_keep_the_need_to_repartition_after_a_key_change()
    {
        var builder = new StreamsBuilder();
        var rekeyed = builder.Stream("input", Strings).SelectKey((_, v) => v);
        var other = builder.Stream("other", Strings);
        rekeyed.Merge(other).GroupByKey().Count(materialized: Materialized.As<string, long>("merged"));
        rekeyed.Split(Named.As("s-")).Branch((_, v) => v.Length > 1).NoDefaultBranch()["s-1"]
            .FlatMapValues(v => new[] { v, v })
            .GroupByKey()
            .Count(materialized: Materialized.As<string, long>("branched"));
        using var driver = DslTestSupport.Driver(builder.Build(), ("input", 3), ("other", 3));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        for (var i = 0; i < 6; i++)
        {
            input.PipeInput(new TestRecord<string, string>("k" + i, "xy", i, Partition: i % 3));
        }

        driver.CreateInputTopic("other", Serdes.String(), Serdes.String()).PipeInput("xy", "q", 10);

        Assert.Equal(7L, driver.GetKeyValueStore<string, long>("merged").Get("xy"));
        Assert.Equal(12L, driver.GetKeyValueStore<string, long>("branched").Get("xy"));
    }

    [Fact]
    public void GroupByKey_without_a_key_change_aggregates_per_input_partition()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).GroupByKey().Count(materialized: Materialized.As<string, long>("counts"));
        using var driver = DslTestSupport.Driver(builder.Build(), ("input", 2));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        // Kafka Streams trusts that a key lives in one input partition; producers that break it get split counts.
        input.PipeInput(new TestRecord<string, string>("k", "x", 1, Partition: 0));
        input.PipeInput(new TestRecord<string, string>("k", "y", 2, Partition: 1));
        input.PipeInput(new TestRecord<string, string>("k", "z", 3, Partition: 1));

        Assert.Equal(1L, driver.GetKeyValueStore<string, long>("counts", 0).Get("k"));
        Assert.Equal(2L, driver.GetKeyValueStore<string, long>("counts", 1).Get("k"));
        Assert.DoesNotContain(driver.ProducedTopicNames, t => t.EndsWith("-repartition", StringComparison.Ordinal));
    }
}
