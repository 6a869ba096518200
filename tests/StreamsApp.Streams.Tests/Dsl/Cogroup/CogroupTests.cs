using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Cogroup;

/// <summary>
/// Cogroup: grouped streams of different value types fold into one store through one aggregate processor each, and
/// their updates merge into one table. Every record, whichever its input, emits the new aggregate.
/// </summary>
public class CogroupTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());
    private static readonly Consumed<string, long> Longs = Consumed.With(Serdes.String(), Serdes.Int64());

    [Fact]
    public void Two_inputs_of_different_types_update_one_aggregate_in_arrival_order()
    {
        var builder = new StreamsBuilder();
        var clicks = builder.Stream("clicks", Strings).GroupByKey();
        var purchases = builder.Stream("purchases", Longs).GroupByKey();
        clicks.Cogroup<string>((_, page, summary) => summary + "c:" + page + ";")
            .Cogroup(purchases, (_, amount, summary) => summary + "p:" + amount + ";")
            .Aggregate(() => string.Empty, materialized: Materialized.As<string, string>("activity"))
            .ToStream()
            .To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var clickInput = driver.CreateInputTopic("clicks", Serdes.String(), Serdes.String());
        var purchaseInput = driver.CreateInputTopic("purchases", Serdes.String(), Serdes.Int64());

        clickInput.PipeInput("alice", "home", 10);
        purchaseInput.PipeInput("alice", 30L, 5);
        purchaseInput.PipeInput("bob", 7L, 12);
        clickInput.PipeInput("alice", "cart", 11);

        Assert.Equal(
            [("alice", "c:home;", 10L), ("alice", "c:home;p:30;", 10L), ("bob", "p:7;", 12L), ("alice", "c:home;p:30;c:cart;", 11L)],
            Output(driver).ReadAll());
        var store = driver.GetTimestampedKeyValueStore<string, string>("activity");
        Assert.Equal(
            [
                KeyValue.Pair("alice", new ValueAndTimestamp<string>("c:home;p:30;c:cart;", 11)),
                KeyValue.Pair("bob", new ValueAndTimestamp<string>("p:7;", 12)),
            ],
            store.Contents());
    }

    [Fact]
    public void Three_inputs_each_apply_their_own_aggregator_to_one_total()
    {
        var builder = new StreamsBuilder();
        var deposits = builder.Stream("deposits", Longs).GroupByKey();
        var withdrawals = builder.Stream("withdrawals", Longs).GroupByKey();
        var fees = builder.Stream("fees", Strings).GroupByKey();
        deposits.Cogroup<long>((_, amount, balance) => balance + amount)
            .Cogroup(withdrawals, (_, amount, balance) => balance - amount)
            .Cogroup(fees, (_, fee, balance) => balance - fee.Length)
            .Aggregate(() => 100L, materialized: Materialized.As<string, long>("balances"))
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());

        driver.CreateInputTopic("deposits", Serdes.String(), Serdes.Int64()).PipeInput("acc", 50L, 1);
        driver.CreateInputTopic("withdrawals", Serdes.String(), Serdes.Int64()).PipeInput("acc", 20L, 2);
        driver.CreateInputTopic("fees", Serdes.String(), Serdes.String()).PipeInput("acc", "xyz", 3);
        driver.CreateInputTopic("withdrawals", Serdes.String(), Serdes.Int64()).PipeInput("other", 1L, 4);

        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64());
        Assert.Equal([("acc", 150L, 1L), ("acc", 130L, 2L), ("acc", 127L, 3L), ("other", 99L, 4L)], output.ReadAll());
        Assert.Equal(
            [KeyValue.Pair("acc", 127L), KeyValue.Pair("other", 99L)],
            driver.GetKeyValueStore<string, long>("balances").Contents());
    }

    [Fact]
    public void An_input_keyed_by_SelectKey_is_repartitioned_before_its_aggregate_processor()
    {
        var builder = new StreamsBuilder();
        var byUser = builder.Stream("orders", Strings).SelectKey((_, user) => user).GroupByKey();
        var direct = builder.Stream("visits", Strings).GroupByKey();
        byUser.Cogroup<string>((_, user, log) => log + "o")
            .Cogroup(direct, (_, page, log) => log + "v")
            .Aggregate(() => string.Empty)
            .ToStream()
            .To("output");
        using var driver = new TopologyTestDriver(builder.Build());

        driver.CreateInputTopic("orders", Serdes.String(), Serdes.String()).PipeInput("order-1", "alice", 1);
        driver.CreateInputTopic("visits", Serdes.String(), Serdes.String()).PipeInput("alice", "home", 2);
        driver.CreateInputTopic("orders", Serdes.String(), Serdes.String()).PipeInput("order-2", "alice", 3);

        Assert.Equal([("alice", "o", 1L), ("alice", "ov", 2L), ("alice", "ovo", 3L)], Output(driver).ReadAll());
        Assert.Contains("test-driver-COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition", driver.ProducedTopicNames);
    }

    [Fact]
    public void Records_with_null_keys_or_values_are_skipped_and_counted()
    {
        using var driver = new TopologyTestDriver(TwoStringInputs(repartitionFirst: true));
        var first = driver.CreateInputTopic("first", Serdes.String(), Serdes.String());
        var second = driver.CreateInputTopic("second", Serdes.String(), Serdes.String());

        first.PipeInput("k", null!, 1);
        second.PipeInput(null!, "x", 2);
        second.PipeInput("k", null!, 3);
        first.PipeInput("k", "a", 4);

        Assert.Equal([("k", "1a", 4L)], Output(driver).ReadAll());
        Assert.Equal(3, driver.DroppedRecords());
    }

    [Fact]
    public void Two_partitions_give_the_same_aggregates_as_one()
    {
        static List<(string, string, long?)> Run(int partitions)
        {
            using var driver = DslTestSupport.Driver(TwoStringInputs(repartitionFirst: true), ("first", partitions), ("second", partitions));
            var first = driver.CreateInputTopic("first", Serdes.String(), Serdes.String());
            var second = driver.CreateInputTopic("second", Serdes.String(), Serdes.String());
            foreach (var (key, i) in new[] { "a", "b", "c", "d", "a", "b" }.Select((k, i) => (k, i)))
            {
                first.PipeInput(key, "f" + i, i);
                second.PipeInput(key, "s" + i, i);
            }

            return [.. Output(driver).ReadAll().OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Value.Length)];
        }

        var single = Run(1);
        Assert.Equal(12, single.Count);
        Assert.Equal(single, Run(2));
        Assert.Contains(("a", "1f0s01f4s4", 4L), single);
    }

    [Fact]
    public void Inputs_that_are_not_co_partitioned_fail_when_the_topology_starts()
    {
        var error = Assert.Throws<TopologyException>(
            () => DslTestSupport.Driver(TwoStringInputs(repartitionFirst: false), ("first", 2), ("second", 3)));

        Assert.Contains("not co-partitioned", error.Message);
    }

    [Fact]
    public void Two_inputs_repartitioned_without_group_names_get_a_topic_each()
    {
        var builder = new StreamsBuilder();
        var first = builder.Stream("first", Strings).SelectKey((_, v) => v).GroupByKey();
        var second = builder.Stream("second", Strings).SelectKey((_, v) => v).GroupByKey();
        first.Cogroup<long>((_, _, n) => n + 1).Cogroup(second, (_, _, n) => n + 10).Aggregate(() => 0L, materialized: Materialized.As<string, long>("totals"));
        using var driver = new TopologyTestDriver(builder.Build());

        driver.CreateInputTopic("first", Serdes.String(), Serdes.String()).PipeInput("x", "k", 1);
        driver.CreateInputTopic("second", Serdes.String(), Serdes.String()).PipeInput("y", "k", 2);

        Assert.Equal(11L, driver.GetKeyValueStore<string, long>("totals").Get("k"));
        Assert.Contains("test-driver-totals-repartition", driver.ProducedTopicNames);
        Assert.Contains("test-driver-totals-1-repartition", driver.ProducedTopicNames);
    }

    [Fact]
    public void A_grouped_stream_cannot_join_its_own_cogroup_twice()
    {
        var builder = new StreamsBuilder();
        var grouped = builder.Stream("first", Strings).GroupByKey();
        var cogrouped = grouped.Cogroup<string>((_, v, a) => a + v);

        Assert.Throws<ArgumentException>(() => cogrouped.Cogroup(grouped, (_, v, a) => a + v));
    }

    private static TestOutputTopic<string, string> Output(TopologyTestDriver driver) =>
        driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());

    /// <summary>"first" adds "1" then its value, "second" adds its value; the first optionally re-keyed by SelectKey.</summary>
    private static Topology TwoStringInputs(bool repartitionFirst)
    {
        var builder = new StreamsBuilder();
        var firstStream = builder.Stream("first", Strings);
        var first = (repartitionFirst ? firstStream.SelectKey((k, _) => k) : firstStream).GroupByKey();
        var second = builder.Stream("second", Strings).GroupByKey();
        first.Cogroup<string>((_, v, a) => a + "1" + v)
            .Cogroup(second, (_, v, a) => a + v)
            .Aggregate(() => string.Empty)
            .ToStream()
            .To("output");
        return builder.Build();
    }
}
