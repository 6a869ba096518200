using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>
/// Grouped-stream aggregations: one update per input (the driver commits after each record), aggregate timestamp =
/// the largest input timestamp, null keys and values skipped and counted.
/// </summary>
public class KStreamAggregationTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void Count_emits_the_running_count_with_the_largest_timestamp_so_far()
    {
        using var driver = new TopologyTestDriver(CountsToOutput());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 10);
        input.PipeInput("b", "y", 5);
        input.PipeInput("a", "z", 7);
        input.PipeInput("a", "w", 12);

        Assert.Equal([("a", 1L, 10L), ("b", 1L, 5L), ("a", 2L, 10L), ("a", 3L, 12L)], Counts(driver).ReadAll());
        var store = driver.GetTimestampedKeyValueStore<string, long>("counts");
        Assert.Equal(new ValueAndTimestamp<long>(3, 12), store.Get("a"));
        Assert.Equal(new ValueAndTimestamp<long>(1, 5), store.Get("b"));
    }

    [Fact]
    public void Reduce_combines_values_in_arrival_order_starting_from_the_first()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .GroupByKey()
            .Reduce((aggregate, value) => aggregate + "," + value, materialized: Materialized.As<string, string>("reduced"))
            .ToStream()
            .To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "1", 3);
        input.PipeInput("a", "2", 1);
        input.PipeInput("b", "3", 2);

        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());
        Assert.Equal([("a", "1", 3L), ("a", "1,2", 3L), ("b", "3", 2L)], output.ReadAll());
        Assert.Equal("1,2", driver.GetKeyValueStore<string, string>("reduced").Get("a"));
    }

    [Fact]
    public void Aggregate_starts_each_key_from_the_initializer_and_may_change_type()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .GroupByKey()
            .Aggregate(() => 100L, (key, value, total) => total + value.Length + key.Length)
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "xyz", 1);
        input.PipeInput("bb", "x", 2);
        input.PipeInput("a", "x", 3);

        Assert.Equal([("a", 104L, 1L), ("bb", 103L, 2L), ("a", 106L, 3L)], Counts(driver).ReadAll());
    }

    [Fact]
    public void Records_with_a_null_key_or_value_are_skipped_and_counted_as_dropped()
    {
        using var driver = new TopologyTestDriver(CountsToOutput());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 1);
        input.PipeInput(null!, "x", 2);
        input.PipeInput("a", null!, 3);
        Assert.Equal(2, driver.DroppedRecords());
        input.PipeInput("a", "y", 4);

        Assert.Equal([("a", 1L, 1L), ("a", 2L, 4L)], Counts(driver).ReadAll());
        Assert.Equal([KeyValue.Pair("a", 2L)], driver.GetKeyValueStore<string, long>("counts").Contents());
        Assert.Equal(2, driver.DroppedRecords());
    }

    [Fact]
    public void A_null_value_crosses_the_repartition_topic_and_is_skipped_and_counted_by_the_aggregation()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .SelectKey((k, _) => k.ToUpperInvariant())
            .GroupByKey()
            .Count()
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", null!, 1);
        input.PipeInput("a", "x", 2);

        Assert.Equal([("A", 1L, 2L)], Counts(driver).ReadAll());
        Assert.Equal(1, driver.DroppedRecords());
    }

    [Fact]
    public void GroupBy_regroups_through_a_repartition_topic_and_drops_null_keys()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .GroupBy((_, v) => v.Length == 0 ? null! : v[..1])
            .Count()
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("1", "apple", 1);
        input.PipeInput("2", string.Empty, 2);
        input.PipeInput("3", "avocado", 3);
        input.PipeInput("4", "banana", 4);

        Assert.Equal([("a", 1L, 1L), ("a", 2L, 3L), ("b", 1L, 4L)], Counts(driver).ReadAll());
        Assert.Contains("test-driver-KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition", driver.ProducedTopicNames);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Store_backends_hold_the_aggregate_and_its_timestamp(bool inMemory)
    {
        var materialized = inMemory
            ? Materialized.As<string, long>(Stores.InMemoryKeyValueStore("counts"))
            : Materialized.As<string, long>("counts");
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).GroupByKey().Count(materialized: materialized);
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("b", "x", 5);
        input.PipeInput("a", "x", 9);
        input.PipeInput("b", "x", 6);

        var timestamped = driver.GetTimestampedKeyValueStore<string, long>("counts");
        Assert.Equal(!inMemory, timestamped.Persistent);
        Assert.Equal(
            [KeyValue.Pair("a", new ValueAndTimestamp<long>(1, 9)), KeyValue.Pair("b", new ValueAndTimestamp<long>(2, 6))],
            timestamped.Contents());
        Assert.Equal([KeyValue.Pair("a", 1L), KeyValue.Pair("b", 2L)], driver.GetKeyValueStore<string, long>("counts").Contents());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void With_a_commit_after_each_record_caching_on_or_off_gives_one_update_per_input(bool caching)
    {
        var materialized = Materialized.As<string, long>("counts");
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .GroupByKey()
            .Count(materialized: caching ? materialized : materialized.WithCachingDisabled())
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 1);
        input.PipeInput("a", "x", 2);
        input.PipeInput("b", "x", 3);
        input.PipeInput("a", "x", 4);

        Assert.Equal([("a", 1L, 1L), ("a", 2L, 2L), ("b", 1L, 3L), ("a", 3L, 4L)], Counts(driver).ReadAll());
    }

    private static TestOutputTopic<string, long> Counts(TopologyTestDriver driver) =>
        driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64());

    private static Topology CountsToOutput()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .GroupByKey()
            .Count(materialized: Materialized.As<string, long>("counts"))
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        return builder.Build();
    }
}
