namespace StreamsApp.Worker.Tests;

/// <summary>One started, ready embedded worker (demo data seeded, no generated traffic) shared by a test class.</summary>
public sealed class EmbeddedWorkerFixture : IAsyncLifetime
{
    public WorkerHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await WorkerHost.StartAsync("--demo=true");
        await Host.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
