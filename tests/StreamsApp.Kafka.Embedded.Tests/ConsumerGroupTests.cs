using Confluent.Kafka;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class ConsumerGroupTests
{
    [Fact]
    public async Task Two_consumers_in_one_group_split_the_partitions()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("clicks", 4)] });
        using var first = Clients.Consumer(cluster.BootstrapServers, "split");
        using var second = Clients.Consumer(cluster.BootstrapServers, "split");
        first.Subscribe("clicks");
        second.Subscribe("clicks");

        // Group membership only advances while both consumers poll.
        var deadline = DateTime.UtcNow + Clients.Timeout;
        while (!(first.Assignment.Count == 2 && second.Assignment.Count == 2))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Assignments after {Clients.Timeout}: {first.Assignment.Count} and {second.Assignment.Count}.");
            first.Consume(TimeSpan.FromMilliseconds(100));
            second.Consume(TimeSpan.FromMilliseconds(100));
        }

        var all = first.Assignment.Concat(second.Assignment).Select(tp => tp.Partition.Value).Order();
        Assert.Equal([0, 1, 2, 3], all);
    }

    [Fact]
    public async Task Committed_offsets_are_kept_for_the_group()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("audit", 1)] });
        using (var producer = Clients.Producer(cluster.BootstrapServers))
        {
            await producer.ProduceAsync("audit", new Message<string, string> { Key = "k", Value = "v" })
                .WaitAsync(Clients.Timeout);
        }

        using var consumer = Clients.Consumer(cluster.BootstrapServers, "auditors", c => c.EnableAutoCommit = false);
        consumer.Subscribe("audit");
        var record = Clients.ConsumeExactly(consumer, 1).Single();
        consumer.Commit(record);

        var committed = consumer.Committed([new TopicPartition("audit", 0)], Clients.Timeout).Single();
        Assert.Equal(1, committed.Offset.Value);
    }
}
