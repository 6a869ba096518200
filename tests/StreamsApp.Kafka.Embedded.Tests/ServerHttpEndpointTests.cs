using System.Net;
using System.Net.Http.Json;
using System.Text;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Kafka.Embedded.Tests;

/// <summary>
/// What a worker in another process sees of <c>streamsapp-kafka</c>: one Schema Registry and the topic
/// administration the mock cluster lacks, both over HTTP.
/// </summary>
public sealed class ServerHttpEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string OrderSchema =
        """{"type":"record","name":"Order","namespace":"tests","fields":[{"name":"id","type":"string"}]}""";

    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Workers_share_one_registry_so_schema_ids_agree()
    {
        using var first = RegistryClient();
        using var second = RegistryClient();

        var id = await first.RegisterSchemaAsync("shared-orders-value", new Schema(OrderSchema, SchemaType.Avro));

        var seen = await second.LookupSchemaAsync("shared-orders-value", new Schema(OrderSchema, SchemaType.Avro), ignoreDeletedSchemas: true);
        Assert.Equal(id, seen.Id);
        Assert.Equal(1, seen.Version);
        Assert.Contains("\"Order\"", (await second.GetSchemaAsync(id)).SchemaString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_errors_arrive_with_Confluent_error_codes()
    {
        using var client = RegistryClient();

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetLatestSchemaAsync("no-such-subject"));

        Assert.Equal(SchemaRegistryErrorCodes.SubjectNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task A_topic_created_through_the_admin_client_has_its_partitions_for_Kafka_clients_too()
    {
        using var admin = new EmbeddedClusterAdminClient(Server.TopicAdminUrl);

        await admin.CreateTopicsAsync([new TopicDefinition("admin-orders", 6, new Dictionary<string, string> { ["cleanup.policy"] = "compact" })]);

        Assert.Equal(new Dictionary<string, int> { ["admin-orders"] = 6 }, await admin.GetPartitionCountsAsync(["admin-orders", "admin-missing"]));
        Assert.Equal(6, KafkaMetadataPartitions("admin-orders"));

        using (var producer = Clients.Producer(Server.BootstrapServers))
        {
            for (var partition = 0; partition < 6; partition++)
            {
                var message = new Message<string, string> { Key = "k", Value = partition.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                await producer.ProduceAsync(new TopicPartition("admin-orders", partition), message);
            }
        }

        using var consumer = Clients.Consumer(Server.BootstrapServers, "admin-orders-reader");
        consumer.Subscribe("admin-orders");
        var read = Clients.ConsumeExactly(consumer, 6);
        Assert.Equal(Enumerable.Range(0, 6), read.Select(r => r.Partition.Value).Order());
        Assert.All(read, r => Assert.Equal(r.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Message.Value));
    }

    [Fact]
    public async Task Creating_an_existing_topic_leaves_it_as_it_is_and_answers_200_with_its_partitions()
    {
        using var admin = new EmbeddedClusterAdminClient(Server.TopicAdminUrl);
        await admin.CreateTopicsAsync([new TopicDefinition("admin-existing", 2)]);
        using var http = new HttpClient();

        using var again = await http.PostAsJsonAsync(Topics(), new { name = "admin-existing", partitions = 5 });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("\"partitions\":2", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, int> { ["admin-existing"] = 2 }, await admin.GetPartitionCountsAsync(["admin-existing"]));
    }

    [Fact]
    public async Task A_new_topic_answers_201_with_its_location()
    {
        using var http = new HttpClient();

        using var created = await http.PostAsJsonAsync(Topics(), new { name = "admin-located", partitions = 3 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/admin/topics/admin-located", created.Headers.Location?.OriginalString);
        using var found = await http.GetAsync(new Uri(Server.SchemaRegistryUrl, created.Headers.Location!));
        Assert.Equal("""{"name":"admin-located","partitions":3}""", await found.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"name":"bad name","partitions":1}""", "not a legal topic name")]
    [InlineData("""{"name":"..","partitions":1}""", "not a legal topic name")]
    [InlineData("""{"partitions":1}""", "not a legal topic name")]
    [InlineData("""{"name":"admin-zero","partitions":0}""", "\\\"partitions\\\" must be 1 to 10000 (was 0)")]
    [InlineData("""{"name":"admin-huge","partitions":10001}""", "must be 1 to 10000")]
    [InlineData("""{"name":"admin-text","partitions":"three"}""", "The body must be JSON")]
    [InlineData("not json", "The body must be JSON")]
    [InlineData("null", "not null")]
    public async Task Bad_create_requests_get_400_with_the_reason(string body, string reason)
    {
        using var http = new HttpClient();

        using var answer = await http.PostAsync(Topics(), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(reason, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lookup_of_an_illegal_name_gets_400_and_of_a_missing_topic_404()
    {
        using var http = new HttpClient();

        using var illegal = await http.GetAsync(new Uri(Server.TopicAdminUrl + "/topics/a%20b"));
        using var missing = await http.GetAsync(new Uri(Server.TopicAdminUrl + "/topics/admin-never-created"));

        Assert.Equal(HttpStatusCode.BadRequest, illegal.StatusCode);
        Assert.Contains("not a legal topic name", await illegal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_refused_creation_throws_with_the_status_the_URL_and_the_reason()
    {
        using var admin = new EmbeddedClusterAdminClient(Server.TopicAdminUrl);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => admin.CreateTopicsAsync([new TopicDefinition("bad name", 1)]));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains(Server.TopicAdminUrl + "/topics", error.Message, StringComparison.Ordinal);
        Assert.Contains("'bad name' is not a legal topic name", error.Message, StringComparison.Ordinal);
    }

    private CachedSchemaRegistryClient RegistryClient() => new(new SchemaRegistryConfig { Url = Server.SchemaRegistryUrl.ToString() });

    private Uri Topics() => new(Server.TopicAdminUrl + "/topics");

    // Metadata for all topics: naming one would let the mock auto-create it.
    private int KafkaMetadataPartitions(string topic)
    {
        using var client = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = Server.BootstrapServers }).Build();
        return client.GetMetadata(Clients.Timeout).Topics.Single(t => t.Topic == topic).Partitions.Count;
    }
}
