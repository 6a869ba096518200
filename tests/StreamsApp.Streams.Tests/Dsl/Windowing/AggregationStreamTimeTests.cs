using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Windowing;

/// <summary>
/// Windowed aggregations close windows by the stream time their own processor observed, as Kafka Streams' do: a
/// record filtered out before the aggregation, however far ahead its time, closes none of its windows. Expected
/// outputs are those of Kafka Streams 4.1's TopologyTestDriver.
/// </summary>
public class AggregationStreamTimeTests
{
    [Fact]
    public void Time_windows_stay_open_for_a_record_behind_one_filtered_out() =>
        Assert.Equal(
            [("a@0/10", 1L, 5L), ("a@0/10", 2L, 8L)],
            CountAfterFilter(grouped => grouped.WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMilliseconds(10))).Count()));

    [Fact]
    public void Sliding_windows_stay_open_for_a_record_behind_one_filtered_out() =>
        Assert.Equal(
            [("a@0/10", 1L, 5L), ("a@6/16", 1L, 8L), ("a@0/10", 2L, 8L)],
            CountAfterFilter(grouped => grouped.WindowedBy(SlidingWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10))).Count()));

    [Fact]
    public void Sessions_stay_open_for_a_record_behind_one_filtered_out() =>
        Assert.Equal(
            [("a@5/5", 1L, 5L), ("a@5/5", null, 5L), ("a@5/8", 2L, 8L)],
            CountAfterFilter(grouped => grouped.WindowedBy(SessionWindows.OfInactivityGapWithNoGrace(TimeSpan.FromMilliseconds(5))).Count()));

    /// <summary>Counts "a" at 5, then "b" at 100 (filtered out), then "a" at 8; no record may be dropped as late.</summary>
    private static List<(string Key, long? Value, long? Timestamp)> CountAfterFilter(
        Func<IKGroupedStream<string, string>, IKTable<Windowed<string>, long>> count)
    {
        var builder = new StreamsBuilder();
        var grouped = builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String())).Filter((_, v) => v != "drop").GroupByKey();
        count(grouped)
            .MapValues(c => (long?)c)
            .ToStream()
            .SelectKey((window, _) => $"{window.Key}@{window.Window.StartMs}/{window.Window.EndMs}")
            .To("output", Produced.With(Serdes.String(), Serdes.Nullable(Serdes.Int64())));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 5);
        input.PipeInput("b", "drop", 100);
        input.PipeInput("a", "x", 8);

        Assert.Equal(0, driver.DroppedRecords());
        return driver.CreateOutputTopic("output", Serdes.String(), Serdes.Nullable(Serdes.Int64())).ReadAll();
    }
}
