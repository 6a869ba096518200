namespace StreamsApp.Worker.Configuration;

/// <summary>Console output (section <c>Console</c>).</summary>
public sealed class ConsoleOptions
{
    /// <summary>How often the one-line progress summary is printed; zero turns it off (default ten seconds).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(10);
}
