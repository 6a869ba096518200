using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>Writing a stream out: fixed topic, per-record topic, partitioning, serdes; and reading it as a table.</summary>
public class KStreamSinkTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void To_a_fixed_topic_writes_with_the_produced_serdes()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .MapValues(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture))
            .To("output", Produced.With(Serdes.String(), Serdes.Int32()));
        using var driver = new TopologyTestDriver(builder.Build());
        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("a", "258", 3);

        // Read as raw bytes: the sink used the 4-byte big-endian Int32 serde, not another one.
        var raw = driver.CreateOutputTopic("output", Serdes.String(), Serdes.ByteArray()).ReadRecord();
        Assert.Equal([0, 0, 1, 2], raw.Value);
        Assert.Equal(3L, raw.Timestamp);
    }

    [Fact]
    public void To_with_a_topic_name_extractor_routes_each_record_and_sees_its_source()
    {
        var sources = new List<RecordMetadata?>();
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).To((k, v, source) =>
        {
            sources.Add(source);
            return v.Length % 2 == 0 ? "even-" + k : "odd";
        });
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "xx", 1);
        input.PipeInput("b", "x", 2);
        input.PipeInput("a", "xxxx", 3);

        Assert.Equal([("a", "xx", 1L), ("a", "xxxx", 3L)], Output(driver, "even-a").ReadAll());
        Assert.Equal([("b", "x", 2L)], Output(driver, "odd").ReadAll());
        Assert.Equal(
            [new RecordMetadata("input", 0, 0), new RecordMetadata("input", 0, 1), new RecordMetadata("input", 0, 2)],
            sources);
    }

    [Fact]
    public void A_custom_partitioner_chooses_the_output_partition_and_null_falls_back_to_murmur2()
    {
        var counts = new List<int>();
        StreamPartitioner<string, string> partitioner = (topic, key, value, count) =>
        {
            Assert.Equal("output", topic);
            counts.Add(count);
            return value == "default" ? null : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        };
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).To("output", Produced.With(Serdes.String(), Serdes.String()).WithPartitioner(partitioner));
        using var driver = DslTestSupport.Driver(builder.Build(), ("output", 4));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "3");
        input.PipeInput("a", "1");
        input.PipeInput("some-key", "default");

        var partitions = Output(driver, "output").ReadRecordsToList().Select(r => r.Partition).ToList();
        var murmur2 = Murmur2Partitioner.Partition("some-key"u8, 4);
        Assert.Equal([3, 1, murmur2], partitions);
        Assert.Equal([4, 4, 4], counts);
    }

    [Fact]
    public void Without_a_partitioner_records_go_to_the_murmur2_partition_of_their_key()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).To("output");
        using var driver = DslTestSupport.Driver(builder.Build(), ("output", 5));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        string[] keys = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];

        foreach (var key in keys)
        {
            input.PipeInput(key, "v");
        }

        var expected = keys.Select(k => (int?)Murmur2Partitioner.Partition(System.Text.Encoding.UTF8.GetBytes(k), 5)).ToList();
        Assert.Equal(expected, Output(driver, "output").ReadRecordsToList().Select(r => r.Partition).ToList());
        Assert.True(expected.Distinct().Count() > 1, "the keys should spread over several partitions");
    }

    [Fact]
    public void ToTable_keeps_the_latest_value_and_a_null_value_deletes_with_a_tombstone_downstream()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .ToTable(materialized: Materialized.As<string, string>("latest"))
            .ToStream()
            .To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "1", 10);
        input.PipeInput("b", "2", 20);
        input.PipeInput("a", "3", 30);
        input.PipeInput("b", null!, 40);
        input.PipeInput("never-seen", null!, 50);

        Assert.Equal(
            [("a", "1", 10L), ("b", "2", 20L), ("a", "3", 30L), ("b", null!, 40L)],
            Output(driver, "output").ReadAll());
        var store = driver.GetTimestampedKeyValueStore<string, string>("latest");
        Assert.Equal([KeyValue.Pair("a", new ValueAndTimestamp<string>("3", 30))], store.Contents());
    }

    [Fact]
    public void ToTable_after_a_key_change_repartitions_and_skips_null_keys()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .SelectKey((_, v) => v.Length == 0 ? null! : v[..1])
            .ToTable(Named.As("by-initial"), Materialized.As<string, string>("initials"))
            .ToStream()
            .To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("1", "apple", 1);
        input.PipeInput("2", string.Empty, 2);
        input.PipeInput("3", "avocado", 3);

        Assert.Equal([("a", "apple", 1L), ("a", "avocado", 3L)], Output(driver, "output").ReadAll());
        Assert.Contains("test-driver-by-initial-repartition", driver.ProducedTopicNames);
        Assert.Equal("avocado", driver.GetKeyValueStore<string, string>("initials").Get("a"));
    }

    private static TestOutputTopic<string, string> Output(TopologyTestDriver driver, string topic) =>
        driver.CreateOutputTopic(topic, Serdes.String(), Serdes.String());
}
