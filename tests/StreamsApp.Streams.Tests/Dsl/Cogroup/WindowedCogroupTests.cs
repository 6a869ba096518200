using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Cogroup;

/// <summary>
/// Windowed cogroups: every input folds its records into the same windows or sessions of one store, each with its own
/// aggregator, and each input's processor closes windows by the stream time it observed, as in Kafka Streams (the
/// expected outputs are those of Kafka Streams 4.1's TopologyTestDriver for the same records).
/// </summary>
public class WindowedCogroupTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void Tumbling_windows_take_both_inputs_and_each_input_closes_windows_by_its_own_stream_time()
    {
        using var run = new TwoInputs(cogroup => cogroup.WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMilliseconds(10)))
            .Aggregate(() => string.Empty, materialized: Materialized.As<string, string>("activity")));
        var (driver, first, second) = (run.Driver, run.First, run.Second);

        first.PipeInput("k", "1", 5);
        second.PipeInput("k", "2", 3);
        second.PipeInput("k", "3", 12);

        // The second input's stream time is 12 and has closed [0, 10) for it; the first input has seen 5 only.
        first.PipeInput("k", "4", 8);
        second.PipeInput("k", "5", 9);
        first.PipeInput("k", "6", 9);
        first.PipeInput("j", "7", 25);
        first.PipeInput("k", "8", 9);

        Assert.Equal(
            [
                ("k@0/10", "a1", 5L), ("k@0/10", "a1b2", 5L), ("k@10/20", "b3", 12L), ("k@0/10", "a1b2a4", 8L),
                ("k@0/10", "a1b2a4a6", 9L), ("j@20/30", "a7", 25L),
            ],
            Output(driver).ReadAll());
        Assert.Equal(2, driver.DroppedRecords());
        Assert.Equal(["a1b2a4a6", "b3"], driver.GetTimestampedWindowStore<string, string>("activity").Fetch("k", 0, 20).Select(w => w.Value.Value));
    }

    [Fact]
    public void Sliding_windows_take_both_inputs_into_the_windows_they_fall_in()
    {
        using var run = new TwoInputs(
            cogroup => cogroup.WindowedBy(SlidingWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10))).Aggregate(() => string.Empty));
        var (driver, first, second) = (run.Driver, run.First, run.Second);

        first.PipeInput("k", "1", 5);
        second.PipeInput("k", "2", 8);
        second.PipeInput("k", "3", 20);
        first.PipeInput("k", "4", 12);
        second.PipeInput("k", "5", 7);

        // The second input's 7 is late: it has seen 20, and [7, 17] closed for it at 17.
        Assert.Equal(
            [
                ("k@0/10", "a1", 5L), ("k@6/16", "b2", 8L), ("k@0/10", "a1b2", 8L), ("k@10/20", "b3", 20L), ("k@10/20", "b3a4", 20L),
                ("k@6/16", "b2a4", 12L), ("k@9/19", "a4", 12L), ("k@2/12", "a1b2a4", 12L), ("k@13/23", "b3", 20L),
            ],
            Output(driver).ReadAll());
        Assert.Equal(1, driver.DroppedRecords());
    }

    [Fact]
    public void A_record_of_either_input_bridging_two_sessions_merges_them()
    {
        using var run = new TwoInputs(cogroup => cogroup.WindowedBy(SessionWindows.OfInactivityGapWithNoGrace(TimeSpan.FromMilliseconds(5)))
            .Aggregate(() => string.Empty, (_, left, right) => left + "|" + right));
        var (driver, first, second) = (run.Driver, run.First, run.Second);

        first.PipeInput("k", "1", 0);
        second.PipeInput("k", "2", 10);
        first.PipeInput("k", "3", 5);
        second.PipeInput("k", "4", 30);

        // At 30 the second input closes [0, 10] for itself, not for the first input, which has seen 5.
        first.PipeInput("k", "5", 12);

        // [0, 0] gets no tombstone: the store keeps sessions for gap + grace (5 ms) behind its stream time (10), so the
        // cache finds nothing to delete, as Kafka Streams' does.
        Assert.Equal(
            [
                ("k@0/0", "a1", 0L), ("k@10/10", "b2", 10L), ("k@10/10", (string?)null, 10L), ("k@0/10", "|a1|b2a3", 10L),
                ("k@30/30", "b4", 30L), ("k@0/12", "||a1|b2a3a5", 12L),
            ],
            Output(driver).ReadAll());
    }

    [Fact]
    public void Inputs_cogrouped_after_WindowedBy_are_aggregated_too()
    {
        var builder = new StreamsBuilder();
        var first = builder.Stream("first", Strings).GroupByKey();
        var second = builder.Stream("second", Strings).GroupByKey();
        var cogroup = first.Cogroup<string>((_, v, a) => a + "a" + v);
        var windowed = cogroup.WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMilliseconds(10)));
        cogroup.Cogroup(second, (_, v, a) => a + "b" + v);
        windowed.Aggregate(() => string.Empty).ToStream().SelectKey((window, _) => Describe(window)).To("output");
        using var driver = new TopologyTestDriver(builder.Build());

        driver.CreateInputTopic("first", Serdes.String(), Serdes.String()).PipeInput("k", "1", 1);
        driver.CreateInputTopic("second", Serdes.String(), Serdes.String()).PipeInput("k", "2", 2);

        Assert.Equal([("k@0/10", "a1", 1L), ("k@0/10", "a1b2", 2L)], Output(driver).ReadAll());
    }

    /// <summary>"first" adds "a" and its value, "second" "b" and its value, windowed as given, into "output" keyed "key@start/end".</summary>
    private sealed class TwoInputs : IDisposable
    {
        public TwoInputs(Func<ICogroupedKStream<string, string>, IKTable<Windowed<string>, string>> windowed)
        {
            var builder = new StreamsBuilder();
            var first = builder.Stream("first", Strings).GroupByKey();
            var second = builder.Stream("second", Strings).GroupByKey();
            windowed(first.Cogroup<string>((_, v, a) => a + "a" + v).Cogroup(second, (_, v, a) => a + "b" + v))
                .ToStream()
                .SelectKey((window, _) => Describe(window))
                .To("output");
            Driver = new TopologyTestDriver(builder.Build());
            First = Driver.CreateInputTopic("first", Serdes.String(), Serdes.String());
            Second = Driver.CreateInputTopic("second", Serdes.String(), Serdes.String());
        }

        public TopologyTestDriver Driver { get; }

        public TestInputTopic<string, string> First { get; }

        public TestInputTopic<string, string> Second { get; }

        public void Dispose() => Driver.Dispose();
    }

    private static string Describe(Windowed<string> window) => $"{window.Key}@{window.Window.StartMs}/{window.Window.EndMs}";

    private static TestOutputTopic<string, string?> Output(TopologyTestDriver driver) =>
        driver.CreateOutputTopic("output", Serdes.String(), Serdes.String())!;
}
