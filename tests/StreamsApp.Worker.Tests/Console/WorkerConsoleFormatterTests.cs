using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamsApp.Worker.Console;

namespace StreamsApp.Worker.Tests.Console;

/// <summary>One line per entry, whatever the strings in it: control characters cannot forge lines or drive the terminal.</summary>
public sealed class WorkerConsoleFormatterTests
{
    [Fact]
    public void ControlCharactersInMessagesAndExceptionsAreEscaped()
    {
        var line = Format(LogLevel.Warning, "Order a\nfail: forged \u001b[2J", new InvalidOperationException("bad\r\nthing"));

        Assert.Single(line.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("warn SagaOutcomes: Order a\\nfail: forged \\u001B[2J (InvalidOperationException: bad\\r\\nthing)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorKeepsItsStackTraceOnIndentedLines()
    {
        var lines = Format(LogLevel.Error, "failed", Thrown()).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("fail SagaOutcomes: failed (InvalidOperationException: boom)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("    at ", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AWarningsExceptionIsOneLineUnlessStackTracesAreShownAtEveryLevel(bool everyLevel)
    {
        var lines = Format(LogLevel.Warning, "dead-lettered", Thrown(), everyLevel).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("warn SagaOutcomes: dead-lettered (InvalidOperationException: boom)", lines[0], StringComparison.Ordinal);
        Assert.Equal(everyLevel, lines.Length > 1);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("    at ", line, StringComparison.Ordinal));
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    private static string Format(LogLevel level, string message, Exception? exception, bool stackTracesAtEveryLevel = false)
    {
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(level, "StreamsApp.Worker.Hosting.SagaOutcomes", new EventId(1), message, exception, (s, _) => s);
        new WorkerConsoleFormatter(Options.Create(new WorkerConsoleFormatterOptions { StackTracesAtEveryLevel = stackTracesAtEveryLevel })).Write(entry, null, writer);
        return writer.ToString();
    }
}
