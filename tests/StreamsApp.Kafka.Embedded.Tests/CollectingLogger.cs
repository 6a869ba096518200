using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StreamsApp.Kafka.Embedded.Tests;

/// <summary>Keeps every entry; written to from librdkafka's threads.</summary>
internal sealed class CollectingLogger(LogLevel minimum) : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
