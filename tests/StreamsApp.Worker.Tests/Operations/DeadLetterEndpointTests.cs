using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using StreamsApp.Contracts.Orders;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Worker.Embedded;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests.Operations;

/// <summary>
/// Dead letters you can operate (issue 15), on a worker over the embedded cluster: a poison record on
/// <c>orders.events</c> shows in <c>GET /dlt</c> and its pages with the metadata decoded; a replay republishes it to
/// its source topic with the replay header (it fails again, so it comes back to the DLT carrying that header), and a
/// second replay of the same records republishes nothing. An Avro value is shown as JSON.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class DeadLetterEndpointTests(EmbeddedWorkerFixture fixture) : IClassFixture<EmbeddedWorkerFixture>
{
    private const string Dlt = "orders.events.DLT";

    [Fact]
    public async Task APoisonRecordIsListedShownWithItsMetadataAndReplayedOnce()
    {
        var key = "poison-" + Guid.NewGuid().ToString("N")[..8];
        await ProduceAsync(Topics.OrderEvents, key, "not an order");

        var entry = await WaitForEntriesAsync(key, 1);
        var listed = await fixture.Host.Client.GetFromJsonAsync<JsonElement>(new Uri("/dlt", UriKind.Relative));
        var orders = listed.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == Dlt);
        Assert.Equal(Topics.OrderEvents, orders.GetProperty("sourceTopic").GetString());
        Assert.True(orders.GetProperty("records").GetInt64() >= 1);
        Assert.Equal("not an order", entry[0].GetProperty("value").GetString());
        var error = entry[0].GetProperty("error");
        Assert.Equal(Topics.OrderEvents, error.GetProperty("sourceTopic").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("exceptionClass").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));

        var partition = entry[0].GetProperty("partition").GetInt32();
        var offset = entry[0].GetProperty("offset").GetInt64();
        var filter = new { partition, fromOffset = offset, toOffset = offset };
        var first = await ReplayAsync(filter);
        var again = await ReplayAsync(filter);

        Assert.Equal((1, 0), (first.GetProperty("replayed").GetInt32(), first.GetProperty("replayedBefore").GetInt32()));
        Assert.Equal(Topics.OrderEvents, first.GetProperty("items")[0].GetProperty("to").GetString());
        Assert.Equal((0, 1), (again.GetProperty("replayed").GetInt32(), again.GetProperty("replayedBefore").GetInt32()));
        // Still poison: it is dead-lettered again, and the copy says which record it was replayed from.
        var entries = await WaitForEntriesAsync(key, 2);
        Assert.Equal($"{Dlt}/{partition}/{offset}", entries[1].GetProperty("headers").GetProperty("streamsapp.replay.source").GetString());
    }

    [Fact]
    public async Task AnInvalidAvroOrderIsShownAsJsonReadWithItsWriterSchema()
    {
        var key = "invalid-" + Guid.NewGuid().ToString("N")[..8];
        var order = new DemoOrders(new Random(7)).Create(DemoScenario.Invalid, key);
        var connection = fixture.Host.Get<KafkaConnection>();
        using (var producer = new ProducerBuilder<string, OrderCreated>(new ProducerConfig { BootstrapServers = connection.BootstrapServers })
            .SetValueSerializer(connection.Serdes.Value<OrderCreated>().Serializer).Build())
        {
            await producer.ProduceAsync(Topics.OrderEvents, new Message<string, OrderCreated> { Key = key, Value = order });
        }

        var entry = Assert.Single(await WaitForEntriesAsync(key, 1));

        Assert.Equal("avro-json", entry.GetProperty("valueEncoding").GetString());
        var schema = await connection.Serdes.Registry.GetSchemaAsync(entry.GetProperty("schemaId").GetInt32());
        Assert.Contains(nameof(OrderCreated), schema.SchemaString, StringComparison.Ordinal);
        using var value = JsonDocument.Parse(entry.GetProperty("value").GetString()!);
        Assert.Equal(key, value.RootElement.GetProperty("orderId").GetString());
        Assert.Equal(order.Items.Count, value.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(order.ShippingAddress.City, value.RootElement.GetProperty("shippingAddress").GetProperty("city").GetString());
    }

    [Fact]
    public async Task AnUnknownTopicIs404ABadCursor400AndTheMetricCountsDeadLetters()
    {
        await ProduceAsync(Topics.OrderEvents, "poison-metric", "not an order");
        await WaitForEntriesAsync("poison-metric", 1);

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Host.Client.GetAsync(new Uri("/dlt/nothing.DLT", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Host.Client.GetAsync(new Uri("/dlt/orders.events", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Host.Client.GetAsync(new Uri($"/dlt/{Dlt}?from=x", UriKind.Relative))).StatusCode);
        var metrics = await fixture.Host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains(PrometheusText.Parse(metrics), s => s.Name == "streamsapp_dlt_records" && s.Label("topic") == Dlt);
    }

    private async Task<JsonElement> ReplayAsync(object filter)
    {
        var response = await fixture.Host.Client.PostAsJsonAsync(new Uri($"/dlt/{Dlt}/replay", UriKind.Relative), filter);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The DLT entries of <paramref name="key"/>, once there are <paramref name="count"/>, read page by page.</summary>
    private async Task<List<JsonElement>> WaitForEntriesAsync(string key, int count)
    {
        List<JsonElement> found = [];
        await Wait.UntilAsync(
            async () =>
            {
                found = [];
                for (string? from = ""; from is not null;)
                {
                    // The DLT is created with its first record: until then it is not found.
                    var response = await fixture.Host.Client.GetAsync(new Uri($"/dlt/{Dlt}?limit=500&from={from}", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.NotFound)
                    {
                        return false;
                    }

                    var page = await response.Content.ReadFromJsonAsync<JsonElement>();
                    found.AddRange(page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("key").GetString() == key));
                    from = page.GetProperty("next").GetString();
                }

                return found.Count >= count;
            },
            TimeSpan.FromSeconds(30),
            () => $"{found.Count} DLT entries of {key}");
        return found;
    }

    private async Task ProduceAsync(string topic, string key, string value)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = fixture.Host.Get<KafkaConnection>().BootstrapServers }).Build();
        await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = key, Value = Encoding.UTF8.GetBytes(value) });
    }
}
