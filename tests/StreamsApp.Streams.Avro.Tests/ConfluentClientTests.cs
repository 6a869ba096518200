using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using StreamsApp.Streams.Avro.Tests.Records;
using StreamsApp.Streams.Errors;
using static StreamsApp.Streams.Avro.Tests.Contexts;
using KafkaContext = Confluent.Kafka.SerializationContext;
using KafkaComponent = Confluent.Kafka.MessageComponentType;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>
/// Confluent's registry client and Avro serializers against our registry server, and our serde on Confluent's client:
/// the same bytes both ways, authentication on the wire, and the routes and error bodies Confluent's registry has.
/// </summary>
public sealed class ConfluentClientTests : IAsyncLifetime
{
    private RegistryTestServer? _server;

    private RegistryTestServer Server => _server!;

    public async Task InitializeAsync() => _server = await RegistryTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task ConfluentsSerializerAndOurSerdeWriteTheSameBytesAndReadEachOthers()
    {
        var ours = new AvroSerde<Payment>(Server.Client);
        using var confluentsClient = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = Server.Url.ToString() });
        var confluents = new AvroSerializer<Payment>(confluentsClient);
        var payment = new Payment { Id = "p-1" };

        var ourBytes = ours.Serializer.Serialize(payment, Value("payments"));
        var theirBytes = await confluents.SerializeAsync(payment, new KafkaContext(KafkaComponent.Value, "payments"));

        Assert.Equal(ourBytes, theirBytes);
        Assert.Equal("p-1", ours.Deserializer.Deserialize(theirBytes, isNull: false, Value("payments")).Id);
        var theirReader = new AvroDeserializer<Payment>(confluentsClient);
        Assert.Equal("p-1", (await theirReader.DeserializeAsync(ourBytes, isNull: false, new KafkaContext(KafkaComponent.Value, "payments"))).Id);
    }

    [Fact]
    public void OurSerdeOnConfluentsClientAsksTheRegistryOnlyForItsFirstRecord()
    {
        var serde = new AvroSerde<Payment>(Server.Client);
        for (var i = 0; i < 3; i++)
        {
            var bytes = serde.Serializer.Serialize(new Payment { Id = "p-" + i }, Value("payments"));
            Assert.Equal("p-" + i, serde.Deserializer.Deserialize(bytes, isNull: false, Value("payments")).Id);
        }

        // The registration, and one fetch of the schema by id (Confluent's client does not fill one cache from the other).
        Assert.InRange(Server.Requests, 1, 2);
    }

    [Fact]
    public async Task BasicAuthenticationReachesTheRegistry()
    {
        await using var server = await RegistryTestServer.StartAsync(new Dictionary<string, string>
        {
            ["schema.registry.basic.auth.credentials.source"] = "USER_INFO",
            ["schema.registry.basic.auth.user.info"] = "key:secret",
        });

        await server.Client.GetAllSubjectsAsync();

        Assert.Equal("Basic " + Convert.ToBase64String("key:secret"u8.ToArray()), server.LastAuthorization);
    }

    [Fact]
    public async Task DeletesAreSoftFirstAndPermanentAfter()
    {
        using var http = new HttpClient { BaseAddress = Server.Url };
        await Server.Client.RegisterSchemaAsync("payments-value", new Schema(Payment.SchemaV1.ToString(), SchemaType.Avro));

        var softDeleted = await http.DeleteFromJsonAsync<int[]>("/subjects/payments-value");
        Assert.Equal(new[] { 1 }, softDeleted);
        Assert.Empty(await Server.Client.GetAllSubjectsAsync());
        var listedDeleted = await http.GetFromJsonAsync<string[]>("/subjects?deleted=true");
        Assert.Equal(new[] { "payments-value" }, listedDeleted);
        Assert.Equal(SchemaRegistryErrorCodes.SubjectSoftDeleted, (await ErrorOf(http.DeleteAsync(new Uri("/subjects/payments-value", UriKind.Relative)))).Code);
        var removed = await http.DeleteFromJsonAsync<int[]>("/subjects/payments-value?permanent=true");
        Assert.Equal(new[] { 1 }, removed);
        Assert.Empty(await http.GetFromJsonAsync<string[]>("/subjects?deleted=true") ?? []);
        // The id stays readable: records written with it can still be read.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/schemas/ids/1", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AVersionDeletedSoftLeavesTheOthersAndCannotBeDeletedPermanentlyFirst()
    {
        using var http = new HttpClient { BaseAddress = Server.Url };
        await Server.Client.RegisterSchemaAsync("payments-value", new Schema(Payment.SchemaV1.ToString(), SchemaType.Avro));
        await Server.Client.RegisterSchemaAsync("payments-value", new Schema(Schemas.PaymentV2WithCurrency.ToString(), SchemaType.Avro));

        Assert.Equal(SchemaRegistryErrorCodes.VersionNotSoftDeleted, (await ErrorOf(http.DeleteAsync(new Uri("/subjects/payments-value/versions/1?permanent=true", UriKind.Relative)))).Code);
        Assert.Equal(1, await http.DeleteFromJsonAsync<int>("/subjects/payments-value/versions/1"));

        Assert.Equal([2], await Server.Client.GetSubjectVersionsAsync("payments-value"));
        Assert.Equal(SchemaRegistryErrorCodes.VersionSoftDeleted, (await ErrorOf(http.GetAsync(new Uri("/subjects/payments-value/versions/1", UriKind.Relative)))).Code);
        Assert.Equal(2, (await Server.Client.GetLatestSchemaAsync("payments-value")).Version);
    }

    [Theory]
    [InlineData("GET", "/nothing/here", 404, SchemaRegistryErrorCodes.NotFound)]
    [InlineData("GET", "/subjects/none/versions", 404, SchemaRegistryErrorCodes.SubjectNotFound)]
    [InlineData("GET", "/subjects/none/versions/zero", 422, SchemaRegistryErrorCodes.InvalidVersion)]
    [InlineData("DELETE", "/subjects/none", 404, SchemaRegistryErrorCodes.SubjectNotFound)]
    public async Task ErrorsAnswerWithConfluentsBody(string method, string path, int status, int code)
    {
        using var http = new HttpClient { BaseAddress = Server.Url };

        var (answered, errorCode, message) = await ErrorOf(http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))));

        Assert.Equal((status, code), (answered, errorCode));
        Assert.False(string.IsNullOrEmpty(message));
    }

    [Fact]
    public void AnUnreachableRegistryIsTheSerdesErrorNamingTheTopic()
    {
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = "http://127.0.0.1:" + ClosedPort(), MaxRetries = 1, RetriesWaitMs = 10, RetriesMaxWaitMs = 10 });
        var serde = new AvroSerde<Payment>(client);

        var error = Assert.Throws<SerdeException>(() => serde.Serializer.Serialize(new Payment { Id = "p" }, Value("payments")));

        Assert.Contains("payments", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot register schema", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(int Status, int Code, string Message)> ErrorOf(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.Equal("application/vnd.schemaregistry.v1+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, body.GetProperty("error_code").GetInt32(), body.GetProperty("message").GetString()!);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
