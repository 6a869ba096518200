using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Windowing;

/// <summary>
/// Time-windowed aggregations through the driver: every update of every open window the record falls in is forwarded,
/// keyed by window and timestamped with the largest input timestamp of the window; records for closed windows
/// (end + grace at or before stream time) are dropped and counted.
/// </summary>
public class TimeWindowedAggregationTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());
    private static readonly ISerde<Windowed<string>> WindowedKeys = WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.FromMilliseconds(10));

    [Fact]
    public void Tumbling_counts_put_a_record_at_a_window_end_into_the_next_window()
    {
        using var driver = new TopologyTestDriver(Counts(TimeWindows.OfSizeAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 0);
        input.PipeInput("a", "x", 9);
        input.PipeInput("a", "x", 10);
        input.PipeInput("b", "x", 5);

        Assert.Equal(
            [(W("a", 0), 1L, 0L), (W("a", 0), 2L, 9L), (W("a", 10), 1L, 10L), (W("b", 0), 1L, 5L)],
            Output(driver).ReadAll());
    }

    [Fact]
    public void A_hopping_window_record_updates_size_over_advance_windows_and_keeps_the_largest_timestamp()
    {
        var windows = TimeWindows.OfSizeAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100)).AdvanceBy(TimeSpan.FromMilliseconds(5));
        using var driver = new TopologyTestDriver(Counts(windows));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 12);
        input.PipeInput("a", "x", 7);

        Assert.Equal(
            [(W("a", 5), 1L, 12L), (W("a", 10), 1L, 12L), (W("a", 0), 1L, 7L), (W("a", 5), 2L, 12L)],
            Output(driver).ReadAll());
    }

    [Fact]
    public void Hopping_reduce_and_aggregate_fold_each_record_into_every_window_overlapping_it()
    {
        var builder = new StreamsBuilder();
        var windowed = builder.Stream("input", Strings).GroupByKey()
            .WindowedBy(TimeWindows.OfSizeAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100)).AdvanceBy(TimeSpan.FromMilliseconds(5)));
        windowed.Reduce((aggregate, value) => aggregate + value)
            .ToStream().To("reduced", Produced.With(WindowedKeys, Serdes.String()));
        windowed.Aggregate(() => "<", (_, value, aggregate) => aggregate + value, materialized: Materialized.With(Serdes.String(), Serdes.String()))
            .ToStream().To("aggregated", Produced.With(WindowedKeys, Serdes.String()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        // Size 10, advance 5: 12 and 14 fall in [5, 15) and [10, 20); 7 in [0, 10) and [5, 15).
        input.PipeInput("a", "1", 12);
        input.PipeInput("a", "2", 7);
        input.PipeInput("a", "3", 14);

        Assert.Equal(
            [(W("a", 5), "1", 12L), (W("a", 10), "1", 12L), (W("a", 0), "2", 7L), (W("a", 5), "12", 12L), (W("a", 5), "123", 14L), (W("a", 10), "13", 14L)],
            driver.CreateOutputTopic("reduced", WindowedKeys, Serdes.String()).ReadAll());
        Assert.Equal(
            [(W("a", 5), "<1", 12L), (W("a", 10), "<1", 12L), (W("a", 0), "<2", 7L), (W("a", 5), "<12", 12L), (W("a", 5), "<123", 14L), (W("a", 10), "<13", 14L)],
            driver.CreateOutputTopic("aggregated", WindowedKeys, Serdes.String()).ReadAll());
    }

    [Fact]
    public void Records_after_window_end_plus_grace_are_dropped_and_counted_while_in_grace_ones_still_count()
    {
        using var driver = new TopologyTestDriver(Counts(TimeWindows.OfSizeAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(5))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 3);
        input.PipeInput("a", "x", 14);

        // Stream time 14 < 10 + 5: window [0, 10) is still in grace.
        input.PipeInput("a", "x", 8);
        Assert.Equal([(W("a", 0), 1L, 3L), (W("a", 10), 1L, 14L), (W("a", 0), 2L, 8L)], Output(driver).ReadAll());
        Assert.Equal(0, driver.DroppedRecords());

        // Stream time 15 = 10 + 5 closes [0, 10).
        input.PipeInput("b", "x", 15);
        input.PipeInput("a", "x", 9);
        Assert.Equal([(W("b", 10), 1L, 15L)], Output(driver).ReadAll());
        Assert.Equal(1, driver.DroppedRecords());
    }

    [Fact]
    public void Without_grace_a_window_closes_when_stream_time_reaches_its_end()
    {
        using var driver = new TopologyTestDriver(Counts(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMilliseconds(10))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 10);
        input.PipeInput("a", "x", 9);

        Assert.Equal([(W("a", 10), 1L, 10L)], Output(driver).ReadAll());
        Assert.Equal(1, driver.DroppedRecords());
    }

    [Fact]
    public void Records_with_a_null_value_are_aggregated_and_a_null_reduce_result_deletes_the_window()
    {
        // Unlike the non-windowed aggregations, Kafka Streams' windowed ones drop only records without a key: a null
        // value is counted and reaches the reducer, and a null aggregate (a first value of null) is a delete.
        var builder = new StreamsBuilder();
        var windowed = builder.Stream("input", Strings).GroupByKey()
            .WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMilliseconds(10)));
        windowed.Count().ToStream().To("counted", Produced.With(WindowedKeys, Serdes.Int64()));
        windowed.Reduce((aggregate, value) => aggregate + (value ?? "_"))
            .ToStream().To("reduced", Produced.With(WindowedKeys, Serdes.String()));
        using var driver = new TopologyTestDriver(builder.Build(), DslTestSupport.Uncached());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", null!, 1);
        input.PipeInput("a", "x", 2);
        input.PipeInput("a", null!, 3);
        input.PipeInput(null!, "x", 4);

        Assert.Equal(
            [(W("a", 0), 1L, 1L), (W("a", 0), 2L, 2L), (W("a", 0), 3L, 3L)],
            driver.CreateOutputTopic("counted", WindowedKeys, Serdes.Int64()).ReadAll());
        Assert.Equal(
            [(W("a", 0), null, 1L), (W("a", 0), "x", 2L), (W("a", 0), "x_", 3L)],
            driver.CreateOutputTopic("reduced", WindowedKeys, Serdes.String()).ReadAll());
        Assert.Equal(2, driver.DroppedRecords());
    }

    [Fact]
    public void Reduce_and_aggregate_fill_a_queryable_window_store_with_timestamped_aggregates()
    {
        var builder = new StreamsBuilder();
        var windowed = builder.Stream("input", Strings).GroupByKey().WindowedBy(TimeWindows.OfSizeAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50)));
        windowed.Reduce((aggregate, value) => aggregate + value, materialized: Materialized.As<string, string>("reduced"));
        windowed.Aggregate(() => "<", (_, value, aggregate) => aggregate + value, materialized: Materialized.As<string, string>("aggregated"));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "1", 4);
        input.PipeInput("a", "2", 2);
        input.PipeInput("a", "3", 11);

        var reduced = driver.GetTimestampedWindowStore<string, string>("reduced");
        Assert.True(reduced.TryFetch("a", 0, out var first));
        Assert.Equal(new ValueAndTimestamp<string>("12", 4), first);
        Assert.True(reduced.TryFetch("a", 10, out var second));
        Assert.Equal(new ValueAndTimestamp<string>("3", 11), second);
        Assert.Equal([(W("a", 0), "<12"), (W("a", 10), "<3")], driver.GetTimestampedWindowStore<string, string>("aggregated").All().Select(e => (e.Key, e.Value.Value)).ToList());
    }

    [Fact]
    public void Two_input_partitions_give_the_same_windows_as_one()
    {
        var windows = TimeWindows.OfSizeAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100));
        (string Key, long Timestamp)[] records = [("a", 1), ("b", 2), ("a", 12), ("c", 3), ("b", 15), ("a", 5), ("c", 25)];

        List<(Windowed<string>, long, long?)> Run(int partitions)
        {
            using var driver = DslTestSupport.Driver(Counts(windows), ("input", partitions), ("output", partitions));
            var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
            foreach (var (key, timestamp) in records)
            {
                input.PipeInput(key, "x", timestamp);
            }

            return Output(driver).ReadAll().OrderBy(r => r.Key.Key).ThenBy(r => r.Key.Window.StartMs).ThenBy(r => r.Value).ToList();
        }

        var single = Run(1);
        Assert.Equal(7, single.Count);
        Assert.Equal(single, Run(2));
    }

    [Fact]
    public void Retention_shorter_than_size_plus_grace_is_rejected_naming_the_store()
    {
        var builder = new StreamsBuilder();
        var windowed = builder.Stream("input", Strings).GroupByKey().WindowedBy(TimeWindows.OfSizeAndGrace(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)));

        var error = Assert.Throws<TopologyException>(
            () => windowed.Count(materialized: Materialized.As<string, long>("counts").WithRetention(TimeSpan.FromSeconds(14))));
        Assert.Contains("'counts'", error.Message);
        Assert.Contains("retention=14000 ms", error.Message);
    }

    [Fact]
    public void An_in_memory_window_store_supplier_is_used_and_queryable()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).GroupByKey().WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMilliseconds(10)))
            .Count(materialized: Materialized.As<string, long>(
                Stores.InMemoryWindowStore("mem", TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(10), retainDuplicates: false)));
        using var driver = new TopologyTestDriver(builder.Build());

        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("a", "x", 3);

        Assert.True(driver.GetTimestampedWindowStore<string, long>("mem").TryFetch("a", 0, out var count));
        Assert.Equal(1L, count.Value);
    }

    [Fact]
    public void Writing_windowed_keys_without_a_serde_names_WindowedSerdes()
    {
        var error = Record.Exception(() =>
        {
            var builder = new StreamsBuilder();
            builder.Stream("input", Strings).GroupByKey().WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMilliseconds(10)))
                .Count().ToStream()
                .Map((key, value) => KeyValue.Pair(key, value))
                .To("output");
            using var driver = new TopologyTestDriver(builder.Build());
        });

        Assert.NotNull(error);
        Assert.Contains("WindowedSerdes.TimeWindowed", error.Message);
    }

    internal static Windowed<string> W(string key, long start) => new(key, new TimeWindow(start, start + 10));

    private static Topology Counts(TimeWindows windows)
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).GroupByKey().WindowedBy(windows)
            .Count(materialized: Materialized.As<string, long>("counts"))
            .ToStream()
            .To("output", Produced.With(WindowedKeys, Serdes.Int64()));
        return builder.Build();
    }

    private static TestOutputTopic<Windowed<string>, long> Output(TopologyTestDriver driver) =>
        driver.CreateOutputTopic("output", WindowedKeys, Serdes.Int64());
}
