using Microsoft.Extensions.Logging.Console;

namespace StreamsApp.Worker.Console;

/// <summary>Options of <see cref="WorkerConsoleFormatter"/>.</summary>
internal sealed class WorkerConsoleFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>
    /// Whether an entry's exception shows its stack trace whatever the level (<c>Console:Verbose</c>). Off, only errors
    /// show theirs: a warning's exception is an expected failure (a dead-lettered record), one line.
    /// </summary>
    public bool StackTracesAtEveryLevel { get; set; }
}
