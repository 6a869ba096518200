using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// Table-table joins: an update of either side joins with the other side's current row; deletes become tombstones;
/// the result's timestamp is the later of the two rows'.
/// </summary>
public class TableTableJoinTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    private enum Kind
    {
        Inner,
        Left,
        Outer,
    }

    private sealed class Fixture : IDisposable
    {
        public Fixture(Kind kind, int partitions = 1, Materialized<string, string>? materialized = null, bool cached = true)
        {
            var builder = new StreamsBuilder();
            var left = builder.Table("left", Strings);
            var right = builder.Table("right", Strings);
            Func<string, string, string> joiner = (l, r) => (l ?? "null") + "+" + (r ?? "null");
            var joined = kind switch
            {
                Kind.Inner => left.Join(right, joiner, materialized: materialized),
                Kind.Left => left.LeftJoin(right, joiner, materialized: materialized),
                _ => left.OuterJoin(right, joiner, materialized: materialized),
            };
            joined.ToStream().To("out", Produced.With(Serdes.String(), Serdes.String()));
            Topology = builder.Build();
            var config = cached ? null : DslTestSupport.Uncached();
            Driver = DslTestSupport.Driver(Topology, config, ("left", partitions), ("right", partitions));
            Left = Driver.CreateInputTopic("left", Serdes.String(), Serdes.String());
            Right = Driver.CreateInputTopic("right", Serdes.String(), Serdes.String());
            Output = Driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());
        }

        public Topology Topology { get; }

        public TopologyTestDriver Driver { get; }

        public TestInputTopic<string, string> Left { get; }

        public TestInputTopic<string, string> Right { get; }

        public TestOutputTopic<string, string> Output { get; }

        public void Dispose() => Driver.Dispose();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Inner_join_forwards_rows_while_both_sides_exist_with_the_later_timestamp(int partitions)
    {
        using var f = new Fixture(Kind.Inner, partitions);

        f.Left.PipeInput("a", "l1", 10);
        f.Right.PipeInput("a", "r1", 20);
        f.Left.PipeInput("a", "l2", 5);
        f.Right.PipeInput("a", null!, 30);
        f.Left.PipeInput("a", null!, 40);
        f.Left.PipeInput("b", "l3", 50);

        Assert.Equal([("a", "l1+r1", 20L), ("a", "l2+r1", 20L), ("a", null!, 30L)], f.Output.ReadAll());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Left_join_keeps_left_rows_without_a_right_row_and_ignores_right_rows_without_a_left_row(int partitions)
    {
        using var f = new Fixture(Kind.Left, partitions);

        f.Left.PipeInput("a", "l1", 10);
        f.Right.PipeInput("a", "r1", 20);
        f.Right.PipeInput("a", null!, 30);
        f.Left.PipeInput("a", null!, 40);
        f.Right.PipeInput("b", "r2", 50);

        Assert.Equal(
            [("a", "l1+null", 10L), ("a", "l1+r1", 20L), ("a", "l1+null", 30L), ("a", null!, 40L)],
            f.Output.ReadAll());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Outer_join_keeps_rows_of_either_side_and_deletes_when_both_are_gone(int partitions)
    {
        using var f = new Fixture(Kind.Outer, partitions);

        f.Right.PipeInput("b", "r2", 5);
        f.Left.PipeInput("b", "l1", 10);
        f.Right.PipeInput("b", null!, 20);
        f.Left.PipeInput("b", null!, 30);

        Assert.Equal(
            [("b", "null+r2", 5L), ("b", "l1+r2", 10L), ("b", "l1+null", 20L), ("b", null!, 30L)],
            f.Output.ReadAll());
    }

    [Fact]
    public void A_materialized_result_is_stored_and_queryable()
    {
        using var f = new Fixture(Kind.Outer, materialized: Materialized.As<string, string>("joined"));

        f.Left.PipeInput("a", "l1", 10);
        f.Right.PipeInput("a", "r1", 20);
        f.Left.PipeInput("c", "l3", 30);
        f.Left.PipeInput("c", null!, 40);

        var store = f.Driver.GetTimestampedKeyValueStore<string, string>("joined");
        Assert.Equal([KeyValue.Pair("a", new Streams.State.ValueAndTimestamp<string>("l1+r1", 20))], store.Contents());
        Assert.Equal(
            [("a", "l1+null", 10L), ("a", "l1+r1", 20L), ("c", "l3+null", 30L), ("c", null!, 40L)],
            f.Output.ReadAll());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Without_a_cache_a_delete_of_a_key_the_other_side_never_had_still_reaches_the_result(bool materialized)
    {
        // As in Kafka Streams: the right source forwards the tombstone, the join turns it into a result tombstone
        // (the left row is there), and the merge passes it on whether or not it stored a row for the key.
        using var f = new Fixture(Kind.Inner, materialized: materialized ? Materialized.As<string, string>("joined") : null, cached: false);

        f.Left.PipeInput("a", "l1", 10);
        f.Right.PipeInput("a", null!, 20);
        f.Right.PipeInput("b", null!, 30);

        Assert.Equal([("a", null!, 20L)], f.Output.ReadAll());
    }

    [Fact]
    public void A_cached_materialized_result_stamps_a_delete_with_the_later_of_the_two_rows_timestamps()
    {
        // The merge writes the delete into its cache while handling the join's record (stamped 30), not the input (20).
        using var f = new Fixture(Kind.Inner, materialized: Materialized.As<string, string>("joined"));

        f.Left.PipeInput("a", "l1", 10);
        f.Right.PipeInput("a", "r1", 30);
        f.Left.PipeInput("a", null!, 20);

        Assert.Equal([("a", "l1+r1", 30L), ("a", null!, 30L)], f.Output.ReadAll());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Old_joined_values_reach_a_downstream_regrouping_so_updates_and_deletes_are_subtracted(bool materialized)
    {
        var builder = new StreamsBuilder();
        var left = builder.Table("left", Strings);
        var right = builder.Table("right", Strings);
        left.Join(right, (l, r) => l + r, materialized: materialized ? Materialized.As<string, string>("joined") : null)
            .GroupBy((_, v) => KeyValue.Pair("all", v))
            .Count(materialized: Materialized.As<string, long>("rows"));
        using var driver = new TopologyTestDriver(builder.Build());
        var l = driver.CreateInputTopic("left", Serdes.String(), Serdes.String());
        var r = driver.CreateInputTopic("right", Serdes.String(), Serdes.String());
        var rows = driver.GetKeyValueStore<string, long>("rows");

        l.PipeInput("a", "1", 1);
        r.PipeInput("a", "x", 2);
        l.PipeInput("b", "2", 3);
        r.PipeInput("b", "y", 4);
        Assert.Equal(2L, rows.Get("all"));

        l.PipeInput("a", "3", 5);
        r.PipeInput("b", "z", 6);
        Assert.Equal(2L, rows.Get("all"));

        r.PipeInput("a", null!, 7);
        Assert.Equal(1L, rows.Get("all"));
    }

    [Fact]
    public void An_unmaterialized_join_result_can_be_joined_through_its_sides_stores()
    {
        var builder = new StreamsBuilder();
        var profiles = builder.Table("left", Strings).LeftJoin(builder.Table("right", Strings), (l, r) => l + "/" + (r ?? "-"));
        builder.Stream("orders", Strings).Join(profiles, (o, p) => o + "@" + p).To("out");
        using var driver = new TopologyTestDriver(builder.Build());

        driver.CreateInputTopic("left", Serdes.String(), Serdes.String()).PipeInput("a", "Alice", 5);
        driver.CreateInputTopic("right", Serdes.String(), Serdes.String()).PipeInput("a", "Paris", 6);
        var orders = driver.CreateInputTopic("orders", Serdes.String(), Serdes.String());
        orders.PipeInput("a", "o1", 7);
        orders.PipeInput("b", "o2", 8);

        Assert.Equal([("a", "o1@Alice/Paris", 7L)], driver.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll());
    }

    [Fact]
    public void Join_nodes_are_named_as_in_Kafka_Streams_and_share_one_sub_topology()
    {
        var builder = new StreamsBuilder();
        var left = builder.Table("left", Strings);
        left.Join(builder.Table("right", Strings), (l, r) => l + r).ToStream().To("out");
        left.OuterJoin(builder.Table("third", Strings), (l, r) => l + r, Named.As("both"));

        var description = builder.Build().Describe();

        var nodes = Assert.Single(description.Subtopologies).Nodes.Select(n => n.Name).ToList();
        Assert.Contains("KTABLE-MERGE-0000000006", nodes);
        Assert.Contains("KTABLE-JOINTHIS-0000000007", nodes);
        Assert.Contains("KTABLE-JOINOTHER-0000000008", nodes);
        Assert.Contains("both", nodes);
        Assert.Contains("both-join-this", nodes);
        Assert.Contains("both-join-other", nodes);
        Assert.Contains(
            "Processor: KTABLE-JOINTHIS-0000000007 (stores: [right-STATE-STORE-0000000003])\n" +
            "      --> KTABLE-MERGE-0000000006\n" +
            "      <-- KTABLE-SOURCE-0000000002",
            description.ToString());
    }
}
