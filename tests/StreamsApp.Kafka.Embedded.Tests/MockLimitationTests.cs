using Confluent.Kafka;

namespace StreamsApp.Kafka.Embedded.Tests;

/// <summary>
/// Pins what the mock does differently from a broker, so the runtime's workarounds are rechecked when librdkafka is
/// upgraded: if one of these fails, the limitation is gone and the workaround (and README) can go too.
/// </summary>
public sealed class MockLimitationTests
{
    [Fact]
    public async Task A_producer_asking_for_a_missing_topic_auto_creates_it_with_4_partitions()
    {
        await using var cluster = EmbeddedKafkaCluster.Start();
        using var admin = cluster.CreateTopicAdmin();
        using var producer = Clients.Producer(cluster.BootstrapServers);

        await producer.ProduceAsync("never-created", new Message<string, string> { Key = "k", Value = "v" })
            .WaitAsync(Clients.Timeout);

        Assert.Equal(4, (await admin.GetPartitionCountsAsync(["never-created"]))["never-created"]);
    }

    [Fact]
    public async Task Read_committed_consumers_receive_aborted_and_still_open_records()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("ledger", 1)] });
        using var producer = Clients.Producer(cluster.BootstrapServers, c => c.TransactionalId = "writer");
        producer.InitTransactions(Clients.Timeout);
        producer.BeginTransaction();
        producer.Produce("ledger", new Message<string, string> { Key = "a", Value = "aborted" });
        producer.Flush(Clients.Timeout); // Sent before the abort; an abort purges records still queued in the client.
        producer.AbortTransaction(Clients.Timeout);
        producer.BeginTransaction();
        producer.Produce("ledger", new Message<string, string> { Key = "b", Value = "open" });
        producer.Flush(Clients.Timeout);

        using var consumer = Clients.Consumer(
            cluster.BootstrapServers, "readers", c => c.IsolationLevel = IsolationLevel.ReadCommitted);
        consumer.Subscribe("ledger");

        Assert.Equal(["aborted", "open"], Clients.ConsumeExactly(consumer, 2).Select(r => r.Message.Value));
    }

    [Fact]
    public async Task Offsets_sent_in_a_transaction_are_not_stored()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("in", 1), new("out", 1)] });
        using var consumer = Clients.Consumer(cluster.BootstrapServers, "processors", c => c.EnableAutoCommit = false);
        using var producer = Clients.Producer(cluster.BootstrapServers, c => c.TransactionalId = "processor");
        producer.InitTransactions(Clients.Timeout);
        producer.BeginTransaction();
        producer.Produce("out", new Message<string, string> { Key = "k", Value = "v" });
        producer.SendOffsetsToTransaction(
            [new TopicPartitionOffset("in", 0, 5)], consumer.ConsumerGroupMetadata, Clients.Timeout);
        producer.CommitTransaction(Clients.Timeout);

        var committed = consumer.Committed([new TopicPartition("in", 0)], Clients.Timeout).Single();

        Assert.Equal(Offset.Unset, committed.Offset);
    }
}
