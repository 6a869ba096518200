using System.Net;
using System.Net.Sockets;
using StreamsApp.Streams.Avro.Tests.Records;
using static StreamsApp.Streams.Avro.Tests.Contexts;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>What only the HTTP client does: caching, media types, transport failures and options.</summary>
public sealed class HttpSchemaRegistryClientTests : IAsyncLifetime
{
    private static readonly string Schema = Payment.SchemaV1.ToString();
    private RegistryTestServer? _server;

    private RegistryTestServer Server => _server!;

    public async Task InitializeAsync() => _server = await RegistryTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task RegisteredSchemasAndFetchedIdsAreAskedOnce()
    {
        int registered = await Server.Client.RegisterSchemaAsync("payments-value", Schema);
        await Server.Client.RegisterSchemaAsync("payments-value", Schema);
        await Server.Client.GetSchemaAsync(registered);
        int other = await Server.Registry.RegisterSchemaAsync("refunds-value", Schemas.PaymentV2WithCurrency.ToString());
        await Server.Client.GetSchemaAsync(other);
        await Server.Client.GetSchemaAsync(other);

        Assert.Equal(2, Server.Requests);
    }

    [Fact]
    public async Task TheLatestVersionIsAlwaysAsked()
    {
        await Server.Client.RegisterSchemaAsync("payments-value", Schema);
        await Server.Client.GetLatestSchemaAsync("payments-value");
        await Server.Client.GetLatestSchemaAsync("payments-value");

        Assert.Equal(3, Server.Requests);
    }

    [Fact]
    public async Task RequestsUseTheRegistrysMediaType()
    {
        await Server.Client.RegisterSchemaAsync("payments-value", Schema);

        Assert.StartsWith("application/vnd.schemaregistry.v1+json", Server.LastContentType, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAvroSerdeOverHttpAsksTheRegistryOnlyForItsFirstRecord()
    {
        var serde = new AvroSerde<Payment>(Server.Client);
        for (int i = 0; i < 3; i++)
        {
            var bytes = serde.Serializer.Serialize(new Payment { Id = "p-" + i }, Value("payments"));
            Assert.Equal("p-" + i, serde.Deserializer.Deserialize(bytes, isNull: false, Value("payments")).Id);
        }

        Assert.Equal(1, Server.Requests); // The registration; its answer also fills the id → schema cache.
    }

    [Fact]
    public async Task AnUnreachableRegistryIsNamedByUrl()
    {
        var url = new Uri("http://127.0.0.1:" + ClosedPort() + "/");
        using var client = new HttpSchemaRegistryClient(new SchemaRegistryClientOptions { Url = url });

        var ex = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetSchemaAsync(1));

        Assert.StartsWith("Schema Registry at " + url + " is unreachable", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.ErrorCode);
    }

    [Fact]
    public async Task ARegistryThatDoesNotAnswerInTimeIsAnError()
    {
        using var http = new HttpClient(new StubHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage();
        }));
        using var client = new HttpSchemaRegistryClient(
            new SchemaRegistryClientOptions { Url = new Uri("http://registry:8081"), RequestTimeout = TimeSpan.FromMilliseconds(50) },
            http);

        var ex = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetSchemaAsync(1));

        Assert.Contains("did not answer GET http://registry:8081/schemas/ids/1 within 0.05 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorThatIsNotTheRegistrysCarriesTheHttpStatus()
    {
        using var http = new HttpClient(new StubHandler((_, _) => Task.FromResult(
            new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>proxy</html>") })));
        using var client = new HttpSchemaRegistryClient(
            new SchemaRegistryClientOptions { Url = new Uri("http://registry:8081/base") }, http);

        var ex = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetLatestSchemaAsync("payments-value"));

        Assert.Equal(502, ex.ErrorCode);
        Assert.Contains("http://registry:8081/base/subjects/payments-value/versions/latest with HTTP 502", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 1000)]
    [InlineData("/relative", 1000)]
    [InlineData("ftp://registry", 1000)]
    [InlineData("http://registry:8081", 0)]
    public void OptionsAreValidated(string? url, int timeoutMs)
    {
        var options = new SchemaRegistryClientOptions
        {
            Url = url is null ? null : new Uri(url, UriKind.RelativeOrAbsolute),
            RequestTimeout = TimeSpan.FromMilliseconds(timeoutMs),
        };

        Assert.Throws<ArgumentException>(() => new HttpSchemaRegistryClient(options));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class StubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
        : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            answer(request, cancellationToken);
    }
}
