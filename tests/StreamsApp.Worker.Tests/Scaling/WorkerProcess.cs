using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using StreamsApp.TestSupport;

namespace StreamsApp.Worker.Tests.Scaling;

/// <summary>
/// One worker as its own process (<c>dotnet StreamsApp.Worker.dll</c>) on a fixed HTTP port with its own state
/// directory; its console output is kept for failure messages. Disposing kills it if it still runs.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private const int KeptLines = 300;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _stateDir;
    private readonly string[] _args;
    private bool _ownsStateDir = true;

    private WorkerProcess(string name, Process process, Uri baseUrl, string stateDir, string[] args)
    {
        Name = name;
        _process = process;
        _stateDir = stateDir;
        _args = args;
        Client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public HttpClient Client { get; }

    /// <summary>host:port of the worker, as it names itself in <c>X-StreamsApp-Served-By</c>.</summary>
    public string Address => Client.BaseAddress!.Authority;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the worker printed (stdout and stderr interleaved), for failure messages.</summary>
    public string Output => $"--- {Name} ({(_process.HasExited ? $"exited {_process.ExitCode}" : "running")}) ---{Environment.NewLine}{string.Join(Environment.NewLine, _output)}";

    /// <summary>Starts a worker listening on 127.0.0.1:<paramref name="httpPort"/> with a new state directory.</summary>
    public static WorkerProcess Start(string name, int httpPort, params string[] args) =>
        Launch(name, new Uri($"http://127.0.0.1:{httpPort}"), Path.Combine(Path.GetTempPath(), "streamsapp-scaling-tests", Guid.NewGuid().ToString("N")), args);

    /// <summary>
    /// Starts the worker again once it has exited (killed): the same port, arguments and state directory, which the
    /// new process owns from then on.
    /// </summary>
    public WorkerProcess Restart()
    {
        if (!_process.HasExited)
        {
            throw new InvalidOperationException($"Worker {Name} still runs.");
        }

        _ownsStateDir = false;
        return Launch(Name, Client.BaseAddress!, _stateDir, _args);
    }

    /// <summary>Pauses the worker (SIGSTOP) until <paramref name="until"/> completes, then resumes it (SIGCONT).</summary>
    public async Task PauseAsync(Func<Task> until, CancellationToken cancellationToken)
    {
        await DotnetProcess.SignalAsync(_process, "STOP", cancellationToken);
        try
        {
            await until();
        }
        finally
        {
            await DotnetProcess.SignalAsync(_process, "CONT", CancellationToken.None);
        }
    }

    /// <summary>GET <paramref name="path"/> on this worker.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken = default) =>
        Client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);

    /// <summary>POST <paramref name="body"/> as JSON to <paramref name="path"/> on this worker.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object body, CancellationToken cancellationToken = default) =>
        Client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, cancellationToken);

    /// <summary>
    /// The tasks the worker runs (or, with <paramref name="standbys"/>, keeps standbys of), from <c>/health/ready</c>,
    /// or null while it is not ready (not Running, or not answering yet). Fails at once when the process has ended.
    /// </summary>
    public async Task<IReadOnlySet<string>?> ReadyTasksAsync(CancellationToken cancellationToken, bool standbys = false)
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"Worker {Name} has exited.{Environment.NewLine}{Output}");
        }

        try
        {
            using var response = await GetAsync("/health/ready", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var tasks = health.RootElement.GetProperty("checks").GetProperty("kafka-streams-ready").GetProperty("data").GetProperty(standbys ? "standbyTasks" : "activeTasks");
            return tasks.EnumerateArray().Select(t => t.GetString()!).ToHashSet(StringComparer.Ordinal);
        }
        catch (HttpRequestException)
        {
            // Kestrel is not listening yet.
            return null;
        }
    }

    /// <summary>Stops the worker as an orchestrator does (SIGTERM) and waits for its clean exit (code 0).</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        await DotnetProcess.TerminateAsync(_process, cancellationToken);
        await _process.WaitForExitAsync(cancellationToken);
        Assert.True(_process.ExitCode == 0, $"Worker {Name} exited with {_process.ExitCode} after SIGTERM.{Environment.NewLine}{Output}");
    }

    /// <summary>Kills the worker (SIGKILL): no commit, no flush, no leaving the group, as a crash.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_ownsStateDir && Directory.Exists(_stateDir))
        {
            Directory.Delete(_stateDir, recursive: true);
        }
    }

    private static WorkerProcess Launch(string name, Uri baseUrl, string stateDir, string[] args)
    {
        var process = DotnetProcess.Start("StreamsApp.Worker.dll", [$"--http-url={baseUrl.GetLeftPart(UriPartial.Authority)}", $"--state-dir={stateDir}", .. args]);
        return new WorkerProcess(name, process, baseUrl, stateDir, args);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
