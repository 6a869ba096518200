using Confluent.Kafka;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class RequestErrorTests
{
    private static readonly Message<string, string> Record = new() { Key = "k", Value = "v" };

    [Fact]
    public async Task An_idempotent_producer_retries_retriable_produce_errors_without_duplicates()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("payments", 1)] });
        using var producer = Clients.Producer(cluster.BootstrapServers, c => c.EnableIdempotence = true);
        await producer.ProduceAsync("payments", Record).WaitAsync(Clients.Timeout);

        cluster.PushRequestErrors(KafkaApi.Produce, ErrorCode.NotEnoughReplicas, ErrorCode.NotLeaderForPartition);
        var result = await producer.ProduceAsync("payments", Record).WaitAsync(Clients.Timeout);

        Assert.Equal(PersistenceStatus.Persisted, result.Status);
        Assert.Equal(1, result.Offset.Value);
        using var consumer = Clients.Consumer(cluster.BootstrapServers, "check");
        var offsets = consumer.QueryWatermarkOffsets(new TopicPartition("payments", 0), Clients.Timeout);
        Assert.Equal(2, offsets.High.Value);
    }

    [Fact]
    public async Task The_same_retriable_error_surfaces_when_retries_are_off()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("payments", 1)] });
        using var producer = Clients.Producer(cluster.BootstrapServers, c => c.MessageSendMaxRetries = 0);
        await producer.ProduceAsync("payments", Record).WaitAsync(Clients.Timeout);

        cluster.PushRequestErrors(KafkaApi.Produce, ErrorCode.NotEnoughReplicas);

        var error = await Assert.ThrowsAsync<ProduceException<string, string>>(
            () => producer.ProduceAsync("payments", Record).WaitAsync(Clients.Timeout));
        Assert.Equal(ErrorCode.NotEnoughReplicas, error.Error.Code);
    }

    [Fact]
    public async Task A_non_retriable_produce_error_surfaces_to_the_caller()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("payments", 1)] });
        using var producer = Clients.Producer(cluster.BootstrapServers);
        await producer.ProduceAsync("payments", Record).WaitAsync(Clients.Timeout);

        cluster.PushRequestErrors(KafkaApi.Produce, ErrorCode.TopicAuthorizationFailed);

        var error = await Assert.ThrowsAsync<ProduceException<string, string>>(
            () => producer.ProduceAsync("payments", Record).WaitAsync(Clients.Timeout));
        Assert.Equal(ErrorCode.TopicAuthorizationFailed, error.Error.Code);
    }

    [Fact]
    public async Task A_topic_error_is_reported_in_metadata_until_cleared()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("locked", 2)] });
        using var admin = cluster.CreateTopicAdmin();

        cluster.SetTopicError("locked", ErrorCode.TopicAuthorizationFailed);
        var error = await Assert.ThrowsAsync<KafkaException>(() => admin.GetPartitionCountsAsync(["locked"]));
        cluster.SetTopicError("locked", ErrorCode.NoError);

        Assert.Equal(ErrorCode.TopicAuthorizationFailed, error.Error.Code);
        Assert.Equal(2, (await admin.GetPartitionCountsAsync(["locked"]))["locked"]);
    }
}
