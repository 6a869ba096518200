using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;
using StreamsApp.Streams.Tests.Processing;
using static StreamsApp.Streams.Tests.ErrorHandling.DeadLetterTestSupport;

namespace StreamsApp.Streams.Tests.ErrorHandling;

/// <summary>
/// A processor that throws under a DeadLetter response: the source record (as read, not as transformed) goes to the
/// DLT naming the failing node. Inside a punctuation there is no source record, so DeadLetterFallback decides.
/// </summary>
public sealed class ProcessingDeadLetterTests
{
    /// <summary>source → upper (upper-cases values) → boom (throws on "ERR…") → sink; "ticker" forwards "ERR-tick" every second.</summary>
    private static Topology Failing() =>
        Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("upper", () => new LambdaProcessor<string, string, string, string>(
                (context, record) => context.Forward(record with { Value = record.Value.ToUpperInvariant() }),
                init: context => context.Schedule(
                    TimeSpan.FromSeconds(1), PunctuationType.WallClockTime, t => context.Forward(new Record<string, string>("tick", "ERR-tick", t)))), "source")
            .AddProcessor("boom", () => new LambdaProcessor<string, string, string, string>((context, record) =>
            {
                if (record.Value.StartsWith("ERR", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("bad value " + record.Value);
                }

                context.Forward(record);
            }), "upper")
            .AddSink("sink", "output", Serdes.String(), Serdes.String(), "boom");

    private static TopologyTestDriver Driver(ExceptionHandlerResponse fallback = ExceptionHandlerResponse.Fail)
    {
        var config = Config(processing: ExceptionHandlers.LogAndDeadLetter);
        config.DeadLetterFallback = fallback;
        return new TopologyTestDriver(Failing(), config);
    }

    [Fact]
    public void The_source_record_as_read_goes_to_the_DLT_naming_the_failing_node_and_processing_goes_on()
    {
        using var driver = Driver();
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeValueList(["a", "err-1", "b"]);

        Assert.Equal(["A", "B"], driver.CreateOutputTopic("output", Serdes.String(), Serdes.String()).ReadValuesToList());
        var dead = Assert.Single(driver.DeadLetters("input").ReadRecordsToList());
        Assert.Equal(Utf8("err-1"), dead.Value);
        Assert.Equal(("boom", "1"), (dead.Header(DeadLetterHeaders.ProcessorNode), dead.Header(DeadLetterHeaders.Offset)));
        Assert.Equal(typeof(InvalidOperationException).FullName, dead.Header(DeadLetterHeaders.ExceptionClass));
        Assert.Equal("bad value ERR-1", dead.Header(DeadLetterHeaders.ExceptionMessage));
        Assert.Equal((1L, 0L), (driver.DeadLettered(), driver.Dropped()));
    }

    [Fact]
    public void A_long_stack_trace_is_cut_to_the_documented_limit_without_splitting_a_character()
    {
        // "System.InvalidOperationException: x" is 35 bytes, so every two-byte 'é' starts on an odd byte and the
        // 4 KiB limit falls inside one: the cut must back up a byte.
        var message = "x" + new string('é', 5_000);
        var deep = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("deep", () => new LambdaProcessor<string, string, string, string>(
                (_, _) => throw new InvalidOperationException(message)), "source");
        using var driver = new TopologyTestDriver(deep, Config(processing: ExceptionHandlers.LogAndDeadLetter));

        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("k", "v");

        var dead = driver.DeadLetters("input").ReadRecord();
        var stack = dead.Headers!.GetLastBytes(DeadLetterHeaders.StackTrace);
        Assert.Equal(DeadLetterHeaders.MaxStackTraceBytes - 1, stack.Length);
        Assert.Equal(
            "System.InvalidOperationException: " + message[..2_031],
            new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(stack));
        Assert.Equal(message, dead.Header(DeadLetterHeaders.ExceptionMessage));
    }

    [Fact]
    public void In_a_punctuation_there_is_no_record_to_dead_letter_so_by_default_the_task_fails()
    {
        using var driver = Driver();

        var error = Assert.Throws<FailedProcessingException>(() => driver.AdvanceWallClockTime(TimeSpan.FromSeconds(1)));

        Assert.Equal(("boom", (string?)null), (error.Context.ProcessorNodeId, error.Context.Topic));
        Assert.DoesNotContain("input.DLT", driver.ProducedTopicNames);
        Assert.Equal((0L, 0L), (driver.DeadLettered(), driver.Dropped()));
    }

    [Fact]
    public void In_a_punctuation_a_Continue_fallback_drops_and_counts_the_record()
    {
        using var driver = Driver(ExceptionHandlerResponse.Continue);

        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(1));

        Assert.DoesNotContain("input.DLT", driver.ProducedTopicNames);
        Assert.Equal((0L, 1L), (driver.DeadLettered(), driver.Dropped()));
    }

    [Fact]
    public void DeadLetter_is_no_fallback_for_itself()
    {
        var config = Config();
        config.DeadLetterFallback = ExceptionHandlerResponse.DeadLetter;

        var error = Assert.Throws<StreamsConfigException>(config.Validate);

        Assert.Contains("DeadLetterFallback", Assert.Single(error.Problems), StringComparison.Ordinal);
    }
}
