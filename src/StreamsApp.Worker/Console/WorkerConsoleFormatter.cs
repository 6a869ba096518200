using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace StreamsApp.Worker.Console;

/// <summary>
/// The worker's console format: one line per entry, <c>HH:mm:ss.fff level Category: message</c>. Control characters
/// in the message and in exception messages are escaped (<c>\n</c>, <c>\u001B</c>), since both carry strings clients
/// and producers chose (order ids, product ids, reasons): a line break or a terminal escape sequence in one must not
/// forge a log line or repaint the terminal. An error's stack trace follows on indented lines; a warning's exception
/// shows as its type and message only, unless <see cref="WorkerConsoleFormatterOptions.StackTracesAtEveryLevel"/>.
/// </summary>
/// <param name="options">The formatter's options.</param>
internal sealed class WorkerConsoleFormatter(IOptions<WorkerConsoleFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    /// <summary>The formatter's name in <c>Logging:Console:FormatterName</c>.</summary>
    public const string FormatterName = "streamsapp";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var line = new StringBuilder(message.Length + 64)
            .Append(DateTime.Now.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)).Append(' ')
            .Append(Level(logEntry.LogLevel)).Append(' ')
            .Append(ShortName(logEntry.Category)).Append(": ");
        AppendEscaped(line, message);
        if (logEntry.Exception is { } exception)
        {
            line.Append(" (");
            AppendEscaped(line, $"{exception.GetType().Name}: {exception.Message}");
            line.Append(')');
            if (logEntry.LogLevel >= LogLevel.Error || options.Value.StackTracesAtEveryLevel)
            {
                // Code locations only; messages of inner exceptions stay escaped on their own line.
                for (var e = exception; e is not null; e = e.InnerException)
                {
                    if (e != exception)
                    {
                        line.AppendLine().Append("  inner ");
                        AppendEscaped(line, $"{e.GetType().Name}: {e.Message}");
                    }

                    foreach (var frame in (e.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        line.AppendLine().Append("    ").Append(frame);
                    }
                }
            }
        }

        textWriter.WriteLine(line.ToString());
    }

    /// <summary>Appends <paramref name="text"/> with every control character written as an escape.</summary>
    public static void AppendEscaped(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    // StreamsApp.Worker.Hosting.SagaOutcomes → SagaOutcomes: the namespace adds width, not information.
    private static string ShortName(string category) => category[(category.LastIndexOf('.') + 1)..];
}
