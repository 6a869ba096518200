using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>
/// Stream-time punctuation as in Kafka Streams: schedules are aligned to 0, so the first record fires one; the
/// punctuator receives the task's stream time; intervals skipped by a jump fire once; late records do not fire.
/// </summary>
public sealed class StreamTimePunctuationTests
{
    private readonly List<string> _log = [];

    private Topology Scheduling(TimeSpan interval) => TestTopologies.Pipeline(() =>
        new LambdaProcessor<string, string, string, string>(
            (context, record) =>
            {
                _log.Add($"process {record.Timestamp}");
                context.Forward(record);
            },
            init: context => context.Schedule(interval, PunctuationType.StreamTime, timestamp =>
                _log.Add($"punctuate {timestamp} stream-time={context.CurrentStreamTimeMs} metadata={context.RecordMetadata?.ToString() ?? "none"}"))));

    private List<string> Punctuations() => [.. _log.Where(l => l.StartsWith("punctuate", StringComparison.Ordinal))];

    [Fact]
    public void Nothing_fires_before_the_first_record_whatever_the_wall_clock_does()
    {
        using var driver = new TopologyTestDriver(Scheduling(TimeSpan.FromMilliseconds(10)));

        driver.AdvanceWallClockTime(TimeSpan.FromHours(1));

        Assert.Empty(_log);
    }

    [Fact]
    public void The_first_record_fires_after_it_is_processed_with_the_stream_time()
    {
        using var driver = new TopologyTestDriver(Scheduling(TimeSpan.FromMilliseconds(10)));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "v", 5);

        Assert.Equal(["process 5", "punctuate 5 stream-time=5 metadata=none"], _log);
    }

    [Fact]
    public void A_record_at_time_zero_fires_because_the_schedule_is_aligned_to_zero()
    {
        using var driver = new TopologyTestDriver(Scheduling(TimeSpan.FromMilliseconds(10)));

        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("k", "v", 0);

        Assert.Equal(["punctuate 0 stream-time=0 metadata=none"], Punctuations());
    }

    [Fact]
    public void Fires_once_per_interval_boundary_crossed_and_skips_missed_intervals()
    {
        using var driver = new TopologyTestDriver(Scheduling(TimeSpan.FromMilliseconds(10)));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "v", 5);   // due 0 -> fires, next due 10
        input.PipeInput("k", "v", 9);   // not due
        input.PipeInput("k", "v", 10);  // due 10 -> fires, next due 20
        input.PipeInput("k", "v", 45);  // due 20; 30 and 40 were missed -> fires once, next due 50
        input.PipeInput("k", "v", 49);  // not due
        input.PipeInput("k", "v", 50);  // due 50 -> fires

        Assert.Equal(
            ["punctuate 5 stream-time=5 metadata=none", "punctuate 10 stream-time=10 metadata=none",
             "punctuate 45 stream-time=45 metadata=none", "punctuate 50 stream-time=50 metadata=none"],
            Punctuations());
    }

    [Fact]
    public void Out_of_order_records_neither_move_stream_time_back_nor_fire()
    {
        using var driver = new TopologyTestDriver(Scheduling(TimeSpan.FromMilliseconds(10)));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "v", 25);  // fires at 25, next due 30
        input.PipeInput("k", "v", 3);   // stream time stays 25
        input.PipeInput("k", "v", 29);  // still not due
        input.PipeInput("k", "v", 30);  // fires

        Assert.Equal(["punctuate 25 stream-time=25 metadata=none", "punctuate 30 stream-time=30 metadata=none"], Punctuations());
    }

    [Fact]
    public void Cancel_stops_future_firings()
    {
        var fired = new List<long>();
        var topology = TestTopologies.Pipeline(() =>
        {
            ICancellable? schedule = null;
            return new LambdaProcessor<string, string, string, string>(
                (_, record) =>
                {
                    if (record.Value == "cancel")
                    {
                        schedule!.Cancel();
                    }
                },
                init: context => schedule = context.Schedule(TimeSpan.FromMilliseconds(10), PunctuationType.StreamTime, fired.Add));
        });
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "v", 1);
        input.PipeInput("k", "cancel", 10);  // cancelled while processing, before the due check
        input.PipeInput("k", "v", 20);

        Assert.Equal([1L], fired);
    }

    [Fact]
    public void A_punctuator_may_cancel_its_own_schedule()
    {
        var fired = new List<long>();
        var topology = TestTopologies.Pipeline(() => new LambdaProcessor<string, string, string, string>(
            (_, _) => { },
            init: context =>
            {
                ICancellable? schedule = null;
                schedule = context.Schedule(TimeSpan.FromMilliseconds(10), PunctuationType.StreamTime, timestamp =>
                {
                    fired.Add(timestamp);
                    if (fired.Count == 2)
                    {
                        schedule!.Cancel();
                    }
                });
            }));
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        foreach (var timestamp in new long[] { 0, 10, 20, 30 })
        {
            input.PipeInput("k", "v", timestamp);
        }

        Assert.Equal([0L, 10L], fired);
    }

    [Fact]
    public void Two_schedules_of_one_processor_fire_independently()
    {
        var fired = new List<string>();
        var topology = TestTopologies.Pipeline(() => new LambdaProcessor<string, string, string, string>(
            (_, _) => { },
            init: context =>
            {
                context.Schedule(TimeSpan.FromMilliseconds(10), PunctuationType.StreamTime, t => fired.Add($"10ms@{t}"));
                context.Schedule(TimeSpan.FromMilliseconds(25), PunctuationType.StreamTime, t => fired.Add($"25ms@{t}"));
            }));
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "v", 0);
        input.PipeInput("k", "v", 10);
        input.PipeInput("k", "v", 25);

        // Schedules due at the same time fire in no particular order, as in Kafka Streams.
        Assert.Equal(["10ms@0", "10ms@10", "10ms@25", "25ms@0", "25ms@25"], fired.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_interval_under_one_millisecond_is_rejected()
    {
        var topology = TestTopologies.Pipeline(() => new LambdaProcessor<string, string, string, string>(
            (_, _) => { },
            init: context => context.Schedule(TimeSpan.Zero, PunctuationType.StreamTime, _ => { })));

        Assert.Throws<ArgumentOutOfRangeException>(() => new TopologyTestDriver(topology));
    }
}
