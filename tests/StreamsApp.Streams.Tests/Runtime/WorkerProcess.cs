using System.Diagnostics;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>An instance of the counting topology in its own process (streamsapp-testapp), so that a test can kill it.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkerProcess(string bootstrap, string applicationId, string stateDir, ProcessingGuarantee guarantee, params string[] kafkaProperties)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "streamsapp-testapp.dll"));
        foreach (var argument in new[] { bootstrap, applicationId, stateDir, guarantee.ToString() }.Concat(kafkaProperties))
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start streamsapp-testapp");
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "RUNNING")
            {
                _running.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.Exited += (_, _) => _running.TrySetException(new InvalidOperationException($"streamsapp-testapp exited with {_process.ExitCode}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Completes when the instance first reports Running.</summary>
    public Task Running => _running.Task;

    /// <summary>Kills the process at once: no commit, no flush, no leave-group, as a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
