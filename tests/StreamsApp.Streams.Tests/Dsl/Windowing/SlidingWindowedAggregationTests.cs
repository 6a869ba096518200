using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Windowing;

/// <summary>
/// Sliding-window counts through the driver (difference 10 ms, windows [start, start + 10] inclusive): each record
/// creates its left window and the previous record's right window, an out-of-order record also updates every window
/// it falls in and gets a right window holding the later records, and early records share [0, 10].
/// </summary>
public class SlidingWindowedAggregationTests
{
    private static readonly ISerde<Windowed<string>> WindowedKeys = WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.FromMilliseconds(10));

    [Fact]
    public void In_order_records_create_their_left_window_and_the_previous_records_right_window()
    {
        using var driver = new TopologyTestDriver(Counts(SlidingWindows.OfTimeDifferenceAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 10);
        input.PipeInput("a", "x", 15);
        input.PipeInput("a", "x", 30);

        // 30 is more than the difference after 15: its left window starts empty; 15's right window [16, 26] stays empty.
        Assert.Equal(
            [(W(0), 1L, 10L), (W(11), 1L, 15L), (W(5), 2L, 15L), (W(20), 1L, 30L)],
            Output(driver).ReadAll());
    }

    [Fact]
    public void An_out_of_order_record_updates_the_windows_it_falls_in_and_gets_a_right_window_of_the_later_records()
    {
        using var driver = new TopologyTestDriver(Counts(SlidingWindows.OfTimeDifferenceAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        input.PipeInput("a", "x", 10);
        input.PipeInput("a", "x", 15);
        Output(driver).ReadAll();

        input.PipeInput("a", "x", 12);

        // Kafka Streams walks the existing windows backward (latest start first), then creates the record's left
        // window and its right window; updates are forwarded in that order.
        Assert.Equal(
            [(W(11), 2L, 15L), (W(5), 3L, 15L), (W(2), 2L, 12L), (W(13), 1L, 15L)],
            Output(driver).ReadAll());
        Assert.Equal(
            [(W(0), 1L), (W(2), 2L), (W(5), 3L), (W(11), 2L), (W(13), 1L)],
            driver.GetTimestampedWindowStore<string, long>("counts").All().Select(e => (e.Key, e.Value.Value)).ToList());
    }

    [Fact]
    public void Records_within_the_first_difference_share_the_window_starting_at_zero()
    {
        using var driver = new TopologyTestDriver(Counts(SlidingWindows.OfTimeDifferenceAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 3);
        input.PipeInput("a", "x", 5);

        Assert.Equal([(W(0), 1L, 3L), (W(4), 1L, 5L), (W(0), 2L, 5L)], Output(driver).ReadAll());
    }

    [Fact]
    public void Without_grace_a_window_closes_once_stream_time_is_past_its_inclusive_end()
    {
        using var driver = new TopologyTestDriver(Counts(SlidingWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        input.PipeInput("a", "x", 40);
        Assert.Equal([(W(30), 1L, 40L)], Output(driver).ReadAll());

        // Ends are inclusive: at stream time 40, [30, 40] still takes 30 (which also gets its right window [31, 41]),
        // while 30's left window [20, 30] is closed and its update dropped.
        input.PipeInput("a", "x", 30);
        Assert.Equal([(W(30), 2L, 40L), (W(31), 1L, 40L)], Output(driver).ReadAll());
        Assert.Equal(1, driver.DroppedRecords());
    }

    [Fact]
    public void A_record_whose_window_from_it_to_the_difference_after_it_is_closed_is_dropped_once_and_updates_nothing()
    {
        using var driver = new TopologyTestDriver(Counts(SlidingWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        input.PipeInput("a", "x", 31);
        input.PipeInput("a", "x", 40);
        Output(driver).ReadAll();

        // As Kafka Streams: 29 + 10 is before stream time 40, so the record is late as a whole.
        input.PipeInput("a", "x", 29);

        Assert.Empty(Output(driver).ReadAll());
        Assert.Equal(1, driver.DroppedRecords());
    }

    private static Windowed<string> W(long start) => new("a", new TimeWindow(start, start + 10));

    private static Topology Counts(SlidingWindows windows)
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String())).GroupByKey().WindowedBy(windows)
            .Count(materialized: Materialized.As<string, long>("counts"))
            .ToStream()
            .To("output", Produced.With(WindowedKeys, Serdes.Int64()));
        return builder.Build();
    }

    private static TestOutputTopic<Windowed<string>, long> Output(TopologyTestDriver driver) =>
        driver.CreateOutputTopic("output", WindowedKeys, Serdes.Int64());
}
