using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests;

/// <summary>A worker on a real Kestrel at 127.0.0.1 (port 0), embedded cluster, own state directory; disposed with the test class.</summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private readonly string _stateDir;

    private WorkerHost(WebApplication app, HttpClient client, string stateDir)
    {
        _stateDir = stateDir;
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<WorkerHost> StartAsync(params string[] extraArgs)
    {
        var stateDir = Path.Combine(Path.GetTempPath(), "streamsapp-worker-tests", Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--kafka-mode=Embedded", "--http-url=http://127.0.0.1:0", $"--state-dir={stateDir}", "--partitions=1", "--demo-rate=0",
            "--Console:ProgressInterval=00:00:00", "--Streams:CommitInterval=00:00:00.100", "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = WorkerApp.Build(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WorkerHost(app, new HttpClient { BaseAddress = new Uri(address) }, stateDir);
    }

    public async Task WaitUntilReadyAsync()
    {
        await Wait.UntilAsync(async () => (await Client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode, TimeSpan.FromSeconds(20));
    }

    public Task<HttpResponseMessage> PostOrderAsync(object body) => Client.PostAsJsonAsync(new Uri("/orders", UriKind.Relative), body);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_stateDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
