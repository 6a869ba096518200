using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace StreamsApp.Worker.Configuration;

/// <summary>
/// The log levels <c>--verbose</c> (<c>Console:Verbose</c>) sets. By default the console shows what needs a look: the
/// banner, the progress line, warnings and errors, an expected failure (a dead-lettered order, a query owner that just
/// left) as one line. appsettings.json keeps library categories quiet (ASP.NET Core, HttpClient's four lines per
/// request, health checks). Verbose brings every category the configuration holds above Information down to it, and
/// the worker's own Debug lines (each saga's outcome, each demo order, each forwarded query); the console then also
/// shows warnings' stack traces (<see cref="Console.WorkerConsoleFormatterOptions"/>).
/// </summary>
internal static class VerboseLogging
{
    /// <summary>The worker's own categories (<c>StreamsApp.Worker.*</c>).</summary>
    public const string WorkerCategory = "StreamsApp.Worker";

    /// <summary>The levels, as <c>Logging:LogLevel:&lt;category&gt;</c> keys.</summary>
    /// <param name="configuration">The configuration without them, whose quieted categories they open up.</param>
    public static Dictionary<string, string?> Levels(IConfiguration configuration)
    {
        var levels = configuration.GetSection("Logging:LogLevel").GetChildren()
            .Where(category => Enum.TryParse<LogLevel>(category.Value, ignoreCase: true, out var level) && level > LogLevel.Information)
            .ToDictionary(category => category.Path, _ => (string?)nameof(LogLevel.Information), StringComparer.OrdinalIgnoreCase);
        levels[$"Logging:LogLevel:{WorkerCategory}"] = nameof(LogLevel.Debug);
        return levels;
    }
}
