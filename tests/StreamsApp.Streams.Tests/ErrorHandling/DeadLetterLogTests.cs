using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;
using StreamsApp.Streams.Tests.Processing;
using static StreamsApp.Streams.Tests.ErrorHandling.DeadLetterTestSupport;

namespace StreamsApp.Streams.Tests.ErrorHandling;

/// <summary>Each dead-lettered record is logged with where it came from and why, never with its payload.</summary>
public sealed class DeadLetterLogTests
{
    [Fact]
    public void A_dead_lettered_record_is_logged_with_its_coordinates_and_exception_type_but_not_its_value()
    {
        var logs = new CapturingLoggerFactory();
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("boom", () => new LambdaProcessor<string, string, string, string>(
                (_, _) => throw new InvalidOperationException("no")), "source");
        using var driver = new TopologyTestDriver(
            topology, Config(processing: ExceptionHandlers.LogAndDeadLetter), new TopologyTestDriverOptions { LoggerFactory = logs });
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "secret-payload-1");
        input.PipeInput("k", "secret-payload-2");

        var deadLettered = logs.Lines.Where(l => l.Id.Name == "DeadLettered").Select(l => l.Message).ToList();
        Assert.Equal(
            [
                "Dead-lettered record from input-0 at offset 0 to input.DLT after System.InvalidOperationException",
                "Dead-lettered record from input-0 at offset 1 to input.DLT after System.InvalidOperationException",
            ],
            deadLettered);
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("secret-payload", StringComparison.Ordinal));
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
}
