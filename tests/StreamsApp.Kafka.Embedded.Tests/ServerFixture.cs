namespace StreamsApp.Kafka.Embedded.Tests;

/// <summary>One <c>streamsapp-kafka</c> process shared by a test class; each test uses its own topics and subjects.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private ServerProcess? _server;

    internal ServerProcess Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(Clients.Timeout);
        _server = await ServerProcess.StartAndReadAddressesAsync(timeout.Token);
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }
}
