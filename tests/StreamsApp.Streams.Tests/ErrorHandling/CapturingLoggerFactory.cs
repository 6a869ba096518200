using Microsoft.Extensions.Logging;

namespace StreamsApp.Streams.Tests.ErrorHandling;

/// <summary>Keeps every formatted log line, so tests can check what the engine logs.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory, ILogger
{
    public List<(LogLevel Level, EventId Id, string Message, Exception? Exception)> Lines { get; } = [];

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    /// <summary>The lines so far, safe to read while the engine's threads still log.</summary>
    public IReadOnlyList<(LogLevel Level, EventId Id, string Message, Exception? Exception)> Snapshot()
    {
        lock (Lines)
        {
            return [.. Lines];
        }
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
        {
            Lines.Add((logLevel, eventId, formatter(state, exception), exception));
        }
    }
}
