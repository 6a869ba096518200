using System.Diagnostics;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// An instance of a runtime-test topology in its own process (streamsapp-testapp), so that a test can kill it. Its
/// arguments after the guarantee are the test app's options (<c>--topology=keys</c>) and librdkafka properties.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int LogLines = 20_000;
    private readonly Process _process;
    private readonly Queue<string> _log = new();
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
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_log)
            {
                if (_log.Count == LogLines)
                {
                    _log.Dequeue();
                }

                _log.Enqueue(e.Data);
                if (e.Data.Contains("Partitions assigned to", StringComparison.Ordinal))
                {
                    Assignments++;
                }
                else if (e.Data.Contains("Application state ", StringComparison.Ordinal))
                {
                    State = e.Data[(e.Data.LastIndexOf("-> ", StringComparison.Ordinal) + 3)..].Trim();
                }
            }
        };
        _process.Exited += (_, _) => _running.TrySetException(new InvalidOperationException($"streamsapp-testapp exited with {_process.ExitCode}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Completes when the instance first reports Running.</summary>
    public Task Running => _running.Task;

    /// <summary>How many rebalances have given the instance its partitions so far (its log says each).</summary>
    public int Assignments { get; private set; }

    /// <summary>The instance's state as its log last said it (<c>Running</c>, <c>Rebalancing</c>, ...); empty before.</summary>
    public string State { get; private set; } = "";

    /// <summary>What the instance logged (its log goes to stderr), up to its last 20,000 lines.</summary>
    public IReadOnlyList<string> Log()
    {
        lock (_log)
        {
            return [.. _log];
        }
    }

    /// <summary>Kills the process at once: no commit, no flush, no leave-group, as a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Stops the process (SIGSTOP), as a frozen VM or a debugger would: its threads, heartbeats included, stand still.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>Lets a frozen process run on (SIGCONT).</summary>
    public void Thaw() => Signal("CONT");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Thaw();
            Kill();
        }

        _process.Dispose();
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
