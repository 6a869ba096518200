using Confluent.Kafka;

namespace StreamsApp.Kafka.Embedded.Tests;

/// <summary>Keeps README's embedded-cluster example true: the same code, run.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_readme_example_produces_through_an_injected_retriable_error()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { BrokerCount = 3, Topics = [new("orders", 6)] });
        var config = new ProducerConfig { BootstrapServers = cluster.BootstrapServers, EnableIdempotence = true };
        using var producer = new ProducerBuilder<string, string>(config).SetLogHandler((_, _) => { }).Build();
        cluster.PushRequestErrors(KafkaApi.Produce, ErrorCode.NotEnoughReplicas);
        var result = await producer.ProduceAsync("orders", new Message<string, string> { Key = "o-1", Value = "{}" })
            .WaitAsync(Clients.Timeout);

        Assert.Equal(PersistenceStatus.Persisted, result.Status);
    }
}
