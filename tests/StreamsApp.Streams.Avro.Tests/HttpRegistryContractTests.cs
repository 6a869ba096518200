namespace StreamsApp.Streams.Avro.Tests;

public sealed class HttpRegistryContractTests : RegistryContractTests, IAsyncLifetime
{
    private RegistryTestServer? _server;

    protected override ISchemaRegistryClient Client => _server!.Client;

    public async Task InitializeAsync() => _server = await RegistryTestServer.StartAsync();

    public async Task DisposeAsync() => await _server!.DisposeAsync();
}
