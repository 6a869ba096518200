namespace StreamsApp.Worker.Tests.Api;

/// <summary>One worker with an API key, shared by the class; the runtime need not be ready for these checks.</summary>
public sealed class ApiKeyWorkerFixture : IAsyncLifetime
{
    public WorkerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await WorkerHost.StartAsync("--api-key=k-123", "--demo=false");

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
