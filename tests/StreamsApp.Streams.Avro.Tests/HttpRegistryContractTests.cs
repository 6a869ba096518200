using Confluent.SchemaRegistry;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>The registry contract through Confluent's own client against our server.</summary>
public sealed class HttpRegistryContractTests : RegistryContractTests, IAsyncLifetime
{
    private RegistryTestServer? _server;

    protected override ISchemaRegistryClient Client => _server!.Client;

    public async Task InitializeAsync() => _server = await RegistryTestServer.StartAsync();

    public async Task DisposeAsync() => await _server!.DisposeAsync();
}
