using Confluent.Kafka;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class TransactionTests
{
    [Fact]
    public async Task A_transactional_producer_initializes_and_commits()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("ledger", 2)] });
        using var producer = Clients.Producer(cluster.BootstrapServers, c => c.TransactionalId = "ledger-writer");

        producer.InitTransactions(Clients.Timeout);
        producer.BeginTransaction();
        producer.Produce("ledger", new Message<string, string> { Key = "a", Value = "1" });
        producer.Produce("ledger", new Message<string, string> { Key = "b", Value = "2" });
        producer.CommitTransaction(Clients.Timeout);

        using var consumer = Clients.Consumer(
            cluster.BootstrapServers, "ledger-readers", c => c.IsolationLevel = IsolationLevel.ReadCommitted);
        consumer.Subscribe("ledger");
        var values = Clients.ConsumeExactly(consumer, 2).Select(r => r.Message.Value).Order();
        Assert.Equal(["1", "2"], values);
    }

    [Fact]
    public async Task A_retriable_EndTxn_error_is_retried_by_the_producer()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("ledger", 1)] });
        using var producer = Clients.Producer(cluster.BootstrapServers, c => c.TransactionalId = "ledger-writer");
        producer.InitTransactions(Clients.Timeout);
        producer.BeginTransaction();
        producer.Produce("ledger", new Message<string, string> { Key = "a", Value = "1" });

        cluster.PushRequestErrors(KafkaApi.EndTxn, ErrorCode.ConcurrentTransactions);
        producer.CommitTransaction(Clients.Timeout);

        using var consumer = Clients.Consumer(cluster.BootstrapServers, "check");
        consumer.Subscribe("ledger");
        Assert.Equal("1", Clients.ConsumeExactly(consumer, 1).Single().Message.Value);
    }

    [Fact]
    public async Task A_non_retriable_EndTxn_error_fails_the_commit()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("ledger", 1)] });
        using var producer = Clients.Producer(cluster.BootstrapServers, c => c.TransactionalId = "ledger-writer");
        producer.InitTransactions(Clients.Timeout);
        producer.BeginTransaction();
        producer.Produce("ledger", new Message<string, string> { Key = "a", Value = "1" });

        cluster.PushRequestErrors(KafkaApi.EndTxn, ErrorCode.TransactionalIdAuthorizationFailed);

        var error = Assert.ThrowsAny<KafkaException>(() => producer.CommitTransaction(Clients.Timeout));
        Assert.Equal(ErrorCode.TransactionalIdAuthorizationFailed, error.Error.Code);
    }
}
