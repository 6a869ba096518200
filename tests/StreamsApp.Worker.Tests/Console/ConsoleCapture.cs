using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using StreamsApp.Worker.Console;

namespace StreamsApp.Worker.Tests.Console;

/// <summary>
/// What a running worker's console shows from the moment it is attached: every entry the worker's logging filters let
/// through (appsettings.json's levels, the flags', <c>--verbose</c>'s), written by the worker's own console formatter
/// with its options. The process's real console is shared by every test running in it; this is one worker's.
/// </summary>
internal sealed class ConsoleCapture : ILoggerProvider
{
    private readonly ConsoleFormatter _formatter;
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Text)> _entries = new();

    private ConsoleCapture(ConsoleFormatter formatter) => _formatter = formatter;

    /// <summary>The entries so far: each entry's category, level and text as the console shows it (one line or more).</summary>
    public IReadOnlyList<(string Category, LogLevel Level, string Text)> Entries => [.. _entries];

    /// <summary>Starts capturing what <paramref name="worker"/> logs.</summary>
    public static ConsoleCapture Attach(WorkerHost worker)
    {
        var capture = new ConsoleCapture(worker.Get<IEnumerable<ConsoleFormatter>>().Single(f => f.Name == WorkerConsoleFormatter.FormatterName));
        worker.Get<ILoggerFactory>().AddProvider(capture);
        return capture;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ConsoleCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        // The factory asks this only for the levels the filters let through.
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var text = new StringWriter();
            capture._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), null, text);
            capture._entries.Enqueue((category, logLevel, text.ToString().TrimEnd()));
        }
    }
}
