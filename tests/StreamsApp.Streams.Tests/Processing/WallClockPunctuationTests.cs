using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>
/// Wall-clock punctuation through <see cref="TopologyTestDriver.AdvanceWallClockTime"/>: first due one interval after
/// scheduling, a jump over several intervals fires once; and what a punctuator may do (forward, fail).
/// </summary>
public sealed class WallClockPunctuationTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly long StartMs = Start.ToUnixTimeMilliseconds();

    private static TopologyTestDriverOptions Options => new() { InitialWallClockTime = Start };

    /// <summary>A processor that only schedules, in Init, what <paramref name="schedule"/> says.</summary>
    private static Topology Scheduling(Action<IProcessorContext<string, string>> schedule) =>
        TestTopologies.Pipeline(() => new LambdaProcessor<string, string, string, string>((_, _) => { }, init: schedule));

    [Fact]
    public void Fires_one_interval_after_scheduling_then_once_per_jump_however_long()
    {
        var fired = new List<long>();
        using var driver = new TopologyTestDriver(
            Scheduling(context => context.Schedule(TimeSpan.FromSeconds(10), PunctuationType.WallClockTime, fired.Add)), options: Options);

        driver.AdvanceWallClockTime(TimeSpan.FromMilliseconds(9_999));
        Assert.Empty(fired);
        driver.AdvanceWallClockTime(TimeSpan.FromMilliseconds(1));
        Assert.Equal([StartMs + 10_000], fired);

        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(35));  // due 20 s; 30 s and 40 s missed: fires once, next 50 s
        Assert.Equal([StartMs + 10_000, StartMs + 45_000], fired);

        driver.AdvanceWallClockTime(TimeSpan.FromMilliseconds(4_999));
        Assert.Equal(2, fired.Count);
        driver.AdvanceWallClockTime(TimeSpan.FromMilliseconds(1));
        Assert.Equal([StartMs + 10_000, StartMs + 45_000, StartMs + 50_000], fired);
    }

    [Fact]
    public void Piping_records_does_not_run_wall_clock_punctuators()
    {
        var fired = new List<long>();
        using var driver = new TopologyTestDriver(
            Scheduling(context => context.Schedule(TimeSpan.FromMilliseconds(1), PunctuationType.WallClockTime, fired.Add)), options: Options);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "v", StartMs + 1_000_000);

        Assert.Empty(fired);
    }

    [Fact]
    public void Cancel_stops_future_firings()
    {
        var fired = new List<long>();
        ICancellable? schedule = null;
        using var driver = new TopologyTestDriver(
            Scheduling(context => schedule = context.Schedule(TimeSpan.FromSeconds(1), PunctuationType.WallClockTime, fired.Add)),
            options: Options);

        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(1));
        schedule!.Cancel();
        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(1));
        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(10));

        Assert.Equal([StartMs + 1_000], fired);
    }

    [Fact]
    public void Records_forwarded_by_a_punctuator_reach_the_sink_with_their_timestamp_and_no_source_metadata()
    {
        var metadataInPunctuation = new List<RecordMetadata?>();
        var extractorSources = new List<RecordMetadata?>();
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("ticker", () => new LambdaProcessor<string, string, string, string>(
                (_, _) => { },
                init: context => context.Schedule(TimeSpan.FromSeconds(1), PunctuationType.WallClockTime, timestamp =>
                {
                    metadataInPunctuation.Add(context.RecordMetadata);
                    context.Forward(new Record<string, string>("tick", "at " + timestamp, timestamp - 500));
                })), "source")
            .AddSink("sink", (_, _, source) =>
            {
                extractorSources.Add(source);
                return "ticks";
            }, Serdes.String(), Serdes.String(), "ticker");
        using var driver = new TopologyTestDriver(topology, options: Options);
        var ticks = driver.CreateOutputTopic("ticks", Serdes.String(), Serdes.String());

        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(1));

        var tick = ticks.ReadRecord();
        Assert.Equal(("tick", "at " + (StartMs + 1_000), StartMs + 500), (tick.Key, tick.Value, tick.Timestamp!.Value));
        Assert.True(ticks.IsEmpty);
        Assert.Equal([(RecordMetadata?)null], metadataInPunctuation);
        Assert.Equal([(RecordMetadata?)null], extractorSources);
    }

    [Fact]
    public void A_punctuator_exception_surfaces_as_a_streams_exception_naming_the_processor()
    {
        var cause = new InvalidOperationException("tick failed");
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("ticker", () => new LambdaProcessor<string, string, string, string>(
                (_, _) => { },
                init: context => context.Schedule(TimeSpan.FromSeconds(1), PunctuationType.WallClockTime, _ => throw cause)), "source");
        using var driver = new TopologyTestDriver(topology, options: Options);

        var error = Assert.ThrowsAny<StreamsException>(() => driver.AdvanceWallClockTime(TimeSpan.FromSeconds(1)));

        Assert.Contains("'ticker'", error.Message, StringComparison.Ordinal);
        Assert.Same(cause, error.InnerException);
    }

    [Fact]
    public void A_stream_time_punctuator_exception_surfaces_from_pipe_input_naming_the_processor()
    {
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("ticker", () => new LambdaProcessor<string, string, string, string>(
                (_, _) => { },
                init: context => context.Schedule(
                    TimeSpan.FromSeconds(1), PunctuationType.StreamTime, _ => throw new InvalidOperationException("tick failed"))), "source");
        using var driver = new TopologyTestDriver(topology, options: Options);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        var error = Assert.ThrowsAny<StreamsException>(() => input.PipeInput("k", "v", 1));

        Assert.Contains("'ticker'", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void Writes_made_by_a_punctuator_to_a_cached_store_are_committed_after_the_punctuation()
    {
        // Kafka Streams commits a task after a punctuation, so cached writes reach the changelog without new input.
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("ticker", () => new LambdaProcessor<string, string, string, string>(
                (_, _) => { },
                init: context =>
                {
                    var store = context.GetStateStore<IKeyValueStore<string, long>>("ticks");
                    context.Schedule(TimeSpan.FromSeconds(1), PunctuationType.WallClockTime, timestamp => store.Put("last", timestamp));
                }), "source")
            .AddStateStore(
                Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("ticks"), Serdes.String(), Serdes.Int64()).WithCachingEnabled(),
                "ticker");
        using var driver = new TopologyTestDriver(topology, options: Options);
        var changelog = driver.CreateOutputTopic("test-driver-ticks-changelog", Serdes.String(), Serdes.Int64());

        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(1));

        Assert.Equal([KeyValue.Pair("last", StartMs + 1_000)], changelog.ReadKeyValuesToList());
    }
}
