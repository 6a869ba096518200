using Confluent.Kafka;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class RoundTripTests
{
    [Fact]
    public async Task Records_produced_through_the_bootstrap_servers_are_consumed_back()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("orders", 3)] });
        using var producer = Clients.Producer(cluster.BootstrapServers);
        using var timeout = new CancellationTokenSource(Clients.Timeout);
        for (var i = 0; i < 10; i++)
        {
            await producer.ProduceAsync("orders", new Message<string, string> { Key = $"k{i}", Value = $"v{i}" }, timeout.Token);
        }

        using var consumer = Clients.Consumer(cluster.BootstrapServers, "round-trip");
        consumer.Subscribe("orders");
        var consumed = Clients.ConsumeExactly(consumer, 10);

        Assert.Equal(
            Enumerable.Range(0, 10).Select(i => ($"k{i}", $"v{i}")).Order(),
            consumed.Select(r => (r.Message.Key, r.Message.Value)).Order());
    }

    [Fact]
    public void Bootstrap_servers_list_one_local_address_per_broker()
    {
        using var cluster = EmbeddedKafkaCluster.Start(new() { BrokerCount = 3 });

        var servers = cluster.BootstrapServers.Split(',');

        Assert.Equal(3, servers.Length);
        Assert.All(servers, server => Assert.StartsWith("127.0.0.1:", server, StringComparison.Ordinal));
    }
}
