using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;
using StreamsApp.Streams.Tests.Processing;
using static StreamsApp.Streams.Tests.ErrorHandling.DeadLetterTestSupport;

namespace StreamsApp.Streams.Tests.ErrorHandling;

/// <summary>
/// Each dead-lettered or dropped record is logged as one warning with where it came from and why, never with its
/// payload; only a failure that stops the task is an error.
/// </summary>
public sealed class DeadLetterLogTests
{
    [Fact]
    public void A_dead_lettered_record_is_one_warning_with_its_coordinates_node_and_exception_but_not_its_value()
    {
        var logs = new CapturingLoggerFactory();
        using var driver = new TopologyTestDriver(
            FailingTopology(), Config(processing: ExceptionHandlers.LogAndDeadLetter), new TopologyTestDriverOptions { LoggerFactory = logs });
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "secret-payload-1");
        input.PipeInput("k", "secret-payload-2");

        var deadLettered = logs.Lines.Where(l => l.Id.Name == "DeadLettered").ToList();
        Assert.Equal(
            [
                "Dead-lettered record from input-0 at offset 0 to input.DLT after System.InvalidOperationException in boom",
                "Dead-lettered record from input-0 at offset 1 to input.DLT after System.InvalidOperationException in boom",
            ],
            deadLettered.Select(l => l.Message));
        Assert.All(deadLettered, l => Assert.Equal((LogLevel.Warning, "no"), (l.Level, l.Exception?.Message)));
        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Error);
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("secret-payload", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dropped_record_is_one_warning_and_a_record_that_fails_the_task_an_error_with_its_exception()
    {
        var continued = new CapturingLoggerFactory();
        var failed = new CapturingLoggerFactory();
        using (var driver = new TopologyTestDriver(
            FailingTopology(), Config(processing: ExceptionHandlers.LogAndContinue), new TopologyTestDriverOptions { LoggerFactory = continued }))
        {
            driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("k", "v");
        }

        using (var driver = new TopologyTestDriver(
            FailingTopology(), Config(processing: ExceptionHandlers.LogAndFail), new TopologyTestDriverOptions { LoggerFactory = failed }))
        {
            Assert.ThrowsAny<StreamsException>(() => driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("k", "v"));
        }

        var dropped = Assert.Single(continued.Lines);
        Assert.Equal((LogLevel.Warning, "Dropped record from input-0 at offset 0 after System.InvalidOperationException in boom"), (dropped.Level, dropped.Message));
        Assert.IsType<InvalidOperationException>(dropped.Exception);
        var error = Assert.Single(failed.Lines, l => l.Id.Name == "ProcessingFailed");
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.DoesNotContain(failed.Lines, l => l.Level == LogLevel.Warning);
    }

    [Fact]
    public void A_dead_letter_response_without_a_source_record_is_logged_as_an_error_naming_the_fallback()
    {
        var logs = new CapturingLoggerFactory();
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("ticker", () => new LambdaProcessor<string, string, string, string>(
                (_, _) => { },
                init: context => context.Schedule(
                    TimeSpan.FromSeconds(1), PunctuationType.WallClockTime, t => context.Forward(new Record<string, string>("k", "v", t)))), "source")
            .AddProcessor("boom", () => new LambdaProcessor<string, string, string, string>(
                (_, _) => throw new InvalidOperationException("no")), "ticker");
        var config = Config(processing: ExceptionHandlers.LogAndDeadLetter);
        config.DeadLetterFallback = ExceptionHandlerResponse.Continue;
        using var driver = new TopologyTestDriver(topology, config, new TopologyTestDriverOptions { LoggerFactory = logs });

        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(1));

        var line = Assert.Single(logs.Lines, l => l.Id.Name == "DeadLetterWithoutSource");
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Equal(
            "Cannot dead-letter the System.InvalidOperationException of boom: it happened in a punctuation, with no source record; " +
            "applying DeadLetterFallback Continue",
            line.Message);
    }

    private static Topology FailingTopology() => Topology.Create()
        .AddSource("source", Serdes.String(), Serdes.String(), "input")
        .AddProcessor("boom", () => new LambdaProcessor<string, string, string, string>(
            (_, _) => throw new InvalidOperationException("no")), "source");
}
