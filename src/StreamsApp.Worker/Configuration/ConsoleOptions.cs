namespace StreamsApp.Worker.Configuration;

/// <summary>Console output (section <c>Console</c>).</summary>
public sealed class ConsoleOptions
{
    /// <summary>How often the one-line progress summary is printed; zero turns it off (default ten seconds).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether the console shows the detail (<c>--verbose</c>): library log lines, the worker's Debug lines and the stack
    /// traces of expected failures (<see cref="VerboseLogging"/>). Off: one line per expected failure.
    /// </summary>
    public bool Verbose { get; set; }
}
