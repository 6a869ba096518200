using System.Diagnostics;
using System.Globalization;

namespace StreamsApp.TestSupport;

/// <summary>Starts and signals .NET programs the tests run as child processes (their dll sits next to the tests).</summary>
public static class DotnetProcess
{
    /// <summary>Starts <c>dotnet <paramref name="dll"/> <paramref name="args"/></c> with stdin, stdout and stderr redirected.</summary>
    /// <param name="dll">The program's dll file name in the test's output directory, or a full path.</param>
    /// <param name="args">Its arguments, each passed as it is.</param>
    /// <param name="environment">Environment variables for the program only, on top of this process's.</param>
    public static Process Start(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, dll);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {path}.");
    }

    /// <summary>Sends SIGTERM (Linux and macOS): the program's clean-shutdown path, as an orchestrator stopping it.</summary>
    /// <param name="process">A running child process.</param>
    /// <param name="cancellationToken">Stops waiting for <c>kill</c>.</param>
    public static Task TerminateAsync(Process process, CancellationToken cancellationToken) => SignalAsync(process, "TERM", cancellationToken);

    /// <summary>Sends a signal by name (Linux and macOS), e.g. <c>STOP</c> and <c>CONT</c> to pause and resume a process.</summary>
    /// <param name="process">A running child process.</param>
    /// <param name="signal">The signal's name without <c>SIG</c>.</param>
    /// <param name="cancellationToken">Stops waiting for <c>kill</c>.</param>
    public static async Task SignalAsync(Process process, string signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }
}
