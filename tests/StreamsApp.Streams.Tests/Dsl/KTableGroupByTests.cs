using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>
/// Re-grouping a table: a row's old value is subtracted from its old group before its new value is added to its new
/// group; an update that stays in one group is a single update of that group.
/// </summary>
public class KTableGroupByTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Count_moves_a_row_from_its_old_group_to_its_new_group_and_a_delete_decrements(bool caching)
    {
        var materialized = Materialized.As<string, long>("per-region");
        var builder = new StreamsBuilder();
        builder.Table("users", Strings)
            .GroupBy((user, region) => KeyValue.Pair(region, user))
            .Count(materialized: caching ? materialized : materialized.WithCachingDisabled())
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());
        var users = driver.CreateInputTopic("users", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64());

        users.PipeInput("alice", "A", 1);
        users.PipeInput("bob", "A", 2);
        Assert.Equal([("A", 1L, 1L), ("A", 2L, 2L)], output.ReadAll());

        users.PipeInput("alice", "B", 3);
        Assert.Equal([("A", 1L, 3L), ("B", 1L, 3L)], output.ReadAll());

        users.PipeInput("alice", null!, 4);
        users.PipeInput("carol", null!, 5);
        Assert.Equal([("B", 0L, 4L)], output.ReadAll());
        var store = driver.GetKeyValueStore<string, long>("per-region");
        Assert.Equal([KeyValue.Pair("A", 1L), KeyValue.Pair("B", 0L)], store.Contents());
    }

    [Fact]
    public void Reduce_subtracts_the_old_value_and_adds_the_new_one_in_a_single_update_within_a_group()
    {
        var builder = new StreamsBuilder();
        builder.Table("items", Consumed.With(Serdes.String(), Serdes.Nullable(Serdes.Int64())))
            .GroupBy((item, price) => KeyValue.Pair(item[..1], price!.Value), Grouped.With(Serdes.String(), Serdes.Int64()))
            .Reduce((total, price) => total + price, (total, price) => total - price, materialized: Materialized.As<string, long>("totals"))
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());
        var items = driver.CreateInputTopic("items", Serdes.String(), Serdes.Nullable(Serdes.Int64()));
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64());

        items.PipeInput("a1", 5, 10);
        items.PipeInput("a2", 3, 20);
        items.PipeInput("a1", 10, 15);
        items.PipeInput("a2", null, 30);

        // The update of a1 (5 -> 10) is one record: 8 - 5 + 10, never the intermediate 3.
        Assert.Equal([("a", 5L, 10L), ("a", 8L, 20L), ("a", 13L, 20L), ("a", 10L, 30L)], output.ReadAll());
        Assert.Equal(10L, driver.GetKeyValueStore<string, long>("totals").Get("a"));
    }

    [Fact]
    public void Aggregate_applies_subtractor_before_adder_when_a_row_changes()
    {
        var builder = new StreamsBuilder();
        builder.Table("rows", Strings)
            .GroupBy((_, value) => KeyValue.Pair(value[..1], value))
            .Aggregate(
                () => "|",
                (_, value, aggregate) => aggregate + "+" + value,
                (_, value, aggregate) => aggregate + "-" + value,
                materialized: Materialized.As<string, string>("history"))
            .ToStream()
            .To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var rows = driver.CreateInputTopic("rows", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());

        rows.PipeInput("r", "A1", 1);
        rows.PipeInput("r", "A2", 2);
        rows.PipeInput("r", "B2", 3);
        rows.PipeInput("r", null!, 4);

        Assert.Equal(
            [("A", "|+A1", 1L), ("A", "|+A1-A1+A2", 2L), ("A", "|+A1-A1+A2-A2", 3L), ("B", "|+B2", 3L), ("B", "|+B2-B2", 4L)],
            output.ReadAll());
    }

    [Fact]
    public void A_row_that_stops_passing_an_upstream_filter_leaves_its_group()
    {
        var builder = new StreamsBuilder();
        builder.Table("users", Strings)
            .Filter((_, region) => region != "banned")
            .GroupBy((user, region) => KeyValue.Pair(region, user))
            .Count()
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());
        var users = driver.CreateInputTopic("users", Serdes.String(), Serdes.String());

        users.PipeInput("alice", "A", 1);
        users.PipeInput("bob", "banned", 2);
        users.PipeInput("alice", "banned", 3);
        users.PipeInput("bob", "A", 4);

        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64());
        Assert.Equal([("A", 1L, 1L), ("A", 0L, 3L), ("A", 1L, 4L)], output.ReadAll());
    }

    [Fact]
    public void A_grouped_name_names_the_repartition_topic()
    {
        var builder = new StreamsBuilder();
        builder.Table("users", Strings)
            .GroupBy((user, region) => KeyValue.Pair(region, user), Grouped.As<string, string>("by-region"))
            .Count();
        using var driver = new TopologyTestDriver(builder.Build());

        driver.CreateInputTopic("users", Serdes.String(), Serdes.String()).PipeInput("alice", "A", 1);

        Assert.Contains("test-driver-by-region-repartition", driver.ProducedTopicNames);
    }

    [Fact]
    public void Rows_from_two_input_partitions_are_counted_in_the_partition_of_their_group()
    {
        var builder = new StreamsBuilder();
        builder.Table("users", Strings)
            .GroupBy((user, region) => KeyValue.Pair(region, user))
            .Count(materialized: Materialized.As<string, long>("per-region"));
        using var driver = DslTestSupport.Driver(builder.Build(), ("users", 2));
        var users = driver.CreateInputTopic("users", Serdes.String(), Serdes.String());

        users.PipeInput(new TestRecord<string, string>("alice", "A", 1, Partition: 0));
        users.PipeInput(new TestRecord<string, string>("bob", "A", 2, Partition: 1));
        users.PipeInput(new TestRecord<string, string>("carol", "B", 3, Partition: 1));
        users.PipeInput(new TestRecord<string, string>("alice", "B", 4, Partition: 0));

        Assert.Equal([KeyValue.Pair("A", 1L), KeyValue.Pair("B", 2L)], driver.GetKeyValueStore<string, long>("per-region").Contents());
        foreach (var region in new[] { "A", "B" })
        {
            var owner = Murmur(region, 2);
            Assert.True(driver.GetKeyValueStore<string, long>("per-region", owner).TryGet(region, out _));
            Assert.False(driver.GetKeyValueStore<string, long>("per-region", 1 - owner).TryGet(region, out _));
        }
    }

    private static int Murmur(string key, int partitions) =>
        StreamsApp.Streams.Processing.Murmur2Partitioner.Partition(System.Text.Encoding.UTF8.GetBytes(key), partitions);
}
