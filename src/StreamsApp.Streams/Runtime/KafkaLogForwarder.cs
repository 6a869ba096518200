using System.Collections.Concurrent;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace StreamsApp.Streams.Runtime;

/// <summary>
/// Forwards a Kafka client's own log lines (librdkafka's) to an <see cref="ILogger"/>. Warnings and errors are
/// throttled: a line like one already forwarded within <see cref="Window"/> (equal once digits are ignored, so
/// "after 0ms" and "after 3ms" match) is counted instead, and the next one forwarded says how many were left out.
/// A broker that is down makes each client report every reconnection attempt; unthrottled, one worker wrote 2,700
/// lines in 32 s. Debug lines (librdkafka's <c>debug</c> property) pass unthrottled: they are asked for.
/// </summary>
/// <param name="logger">Where the lines go.</param>
/// <param name="window">How long a line keeps its likes out; null: <see cref="DefaultWindow"/>.</param>
/// <param name="time">The clock; null: the system's.</param>
public sealed class KafkaLogForwarder(ILogger logger, TimeSpan? window = null, TimeProvider? time = null)
{
    /// <summary>The default <see cref="Window"/>.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>How long a forwarded warning or error keeps lines like it out.</summary>
    public TimeSpan Window { get; } = window ?? DefaultWindow;

    /// <summary>Forwards (or counts) one line; pass it to the client builder's <c>SetLogHandler</c>.</summary>
    /// <param name="message">The client's log line.</param>
    public void Log(LogMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var level = message.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical or SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var suppressed = 0;
        if (level >= LogLevel.Warning && !Admit(message, out suppressed))
        {
            return;
        }

#pragma warning disable CA1848, CA2254 // librdkafka's lines are preformatted; they are not a hot path.
        if (suppressed > 0)
        {
            logger.Log(level, "[librdkafka {Facility}] {Message} ({Suppressed} like it left out in the last {Window} s)",
                message.Facility, message.Message, suppressed, (int)Window.TotalSeconds);
        }
        else
        {
            logger.Log(level, "[librdkafka {Facility}] {Message}", message.Facility, message.Message);
        }
#pragma warning restore CA1848, CA2254
    }

    /// <summary>Whether the line is forwarded now, and how many like it were left out since the last one was.</summary>
    private bool Admit(LogMessage message, out int suppressed)
    {
        var key = Shape(message);
        var now = _time.GetTimestamp();
        while (true)
        {
            if (!_seen.TryGetValue(key, out var seen))
            {
                suppressed = 0;
                if (_seen.TryAdd(key, new Seen(now, 0)))
                {
                    return true;
                }

                continue;
            }

            var admitted = _time.GetElapsedTime(seen.Forwarded, now) >= Window;
            var next = admitted ? new Seen(now, 0) : seen with { Suppressed = seen.Suppressed + 1 };
            if (_seen.TryUpdate(key, next, seen))
            {
                suppressed = admitted ? seen.Suppressed : 0;
                return admitted;
            }
        }
    }

    // Lines that differ only in numbers (durations, counts, ports, broker ids) are alike.
    private static string Shape(LogMessage message)
    {
        var shape = new StringBuilder(message.Facility.Length + message.Message.Length + 1).Append(message.Facility).Append('|');
        foreach (var c in message.Message)
        {
            if (!char.IsAsciiDigit(c))
            {
                shape.Append(c);
            }
        }

        return shape.ToString();
    }

    private readonly record struct Seen(long Forwarded, int Suppressed);
}
