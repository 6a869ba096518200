using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using StreamsApp.Streams.Hosting;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests.Hostile;

/// <summary>
/// Garbage, a record without a key, a record without a value and one naming an unknown schema id, on every topic
/// the mission reads (its sources, its global tables' topics, its repartition and foreign-key topics, and the
/// query-hosts topic): the worker keeps running and every valid order placed after them still completes.
/// Changelogs are read only on restoration, which the engine's own tests poison (ChangelogFaultTests).
/// </summary>
public sealed class PoisonTests
{
    [Fact]
    public async Task PoisonOnEveryTopicTheMissionReadsStopsNothingAndValidOrdersComplete()
    {
        await using var host = await WorkerHost.StartAsync("--demo=true");
        await host.WaitUntilReadyAsync();
        var connection = host.Get<KafkaConnection>();
        var topics = await TopicsReadAsync(host);
        Assert.Contains(topics, t => t.EndsWith("-repartition", StringComparison.Ordinal));
        Assert.Contains(topics, t => t.EndsWith("-query-hosts", StringComparison.Ordinal));

        using (var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = connection.BootstrapServers }).Build())
        {
            foreach (var topic in topics)
            {
                foreach (var (key, value) in Poison())
                {
                    producer.Produce(new TopicPartition(topic, 0), new Message<byte[]?, byte[]?> { Key = key, Value = value });
                }
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var orderId = $"after-poison-{i}-{Guid.NewGuid():N}"[..24];
            var response = await host.PostOrderAsync(new
            {
                orderId,
                customerId = "c-ada",
                items = new[] { new { productId = "p-book", quantity = 1, price = 12.50m } },
                currency = "EUR",
                shippingAddress = new { recipient = "Ada", street = "Main St 1", city = "Berlin", postalCode = "10115", country = "DE" },
            });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            orders.Add(orderId);
        }

        foreach (var orderId in orders)
        {
            var status = "";
            await Wait.UntilAsync(
                async () =>
                {
                    using var response = await host.Client.GetAsync(new Uri($"/orders/{orderId}", UriKind.Relative));
                    status = response.IsSuccessStatusCode
                        ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString() ?? ""
                        : $"{(int)response.StatusCode}";
                    return status == "COMPLETED";
                },
                TimeSpan.FromSeconds(30),
                () => $"order {orderId} is {status}; streams {host.Get<IKafkaStreamsInstance>().State}");
        }

        Assert.Equal(KafkaStreamsState.Running, host.Get<IKafkaStreamsInstance>().State);
    }

    /// <summary>Garbage both ways, no key, no value, and a value in the registry's framing with a schema id no one registered.</summary>
    private static IEnumerable<(byte[]? Key, byte[]? Value)> Poison() =>
    [
        ([0xFF, 0xFE, 0x00], Encoding.UTF8.GetBytes("this is not avro")),
        (null, Encoding.UTF8.GetBytes("no key")),
        (Encoding.UTF8.GetBytes("poison-no-value"), null),
        (Encoding.UTF8.GetBytes("poison-unknown-schema"), [0x00, 0x00, 0x0F, 0x42, 0x3F, 0x02, 0x04, 0x06]),
    ];

    /// <summary>Every topic the running topology reads, as named on the cluster (internal ones prefixed with the application id).</summary>
    private static async Task<List<string>> TopicsReadAsync(WorkerHost host)
    {
        var instance = host.Get<IKafkaStreamsInstance>();
        var description = instance.Description;
        var named = description.Subtopologies.SelectMany(s => s.Nodes)
            .Concat(description.GlobalStores.Select(g => g.Source))
            .Where(n => n.Kind == Streams.TopologyDescription.NodeKind.Source)
            .SelectMany(n => n.Topics)
            .Append("query-hosts")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var applicationId = host.Get<Microsoft.Extensions.Options.IOptions<StreamsApp.Worker.Configuration.WorkerOptions>>().Value.Streams.ApplicationId;
        var candidates = named.SelectMany(t => new[] { t, $"{applicationId}-{t}" }).ToList();
        var existing = await host.Get<KafkaConnection>().CreateTopicAdmin()!.GetPartitionCountsAsync(candidates);
        return [.. existing.Keys.Order(StringComparer.Ordinal)];
    }
}
