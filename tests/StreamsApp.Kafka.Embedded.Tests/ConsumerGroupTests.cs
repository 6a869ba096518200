using Confluent.Kafka;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class ConsumerGroupTests
{
    [Fact]
    public async Task Two_consumers_in_one_group_split_the_partitions()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("clicks", 4)] });
        using var first = Clients.Consumer(cluster.BootstrapServers, "split", c => c.GroupProtocol = GroupProtocol.Consumer);
        using var second = Clients.Consumer(cluster.BootstrapServers, "split", c => c.GroupProtocol = GroupProtocol.Consumer);

        AssertSplit(first, second);
    }

    [Fact]
    public async Task Two_classic_protocol_consumers_split_the_partitions()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("clicks", 4)] });

        // When the leader's SyncGroup reaches the mock before a follower's, the mock rejects the follower's and
        // waits session.timeout.ms - 1 s before the next rebalance round; a short session keeps that round short.
        using var first = Clients.Consumer(cluster.BootstrapServers, "split", c => c.SessionTimeoutMs = 6_000);
        using var second = Clients.Consumer(cluster.BootstrapServers, "split", c => c.SessionTimeoutMs = 6_000);

        AssertSplit(first, second);
    }

    [Fact]
    public async Task The_initial_rebalance_delay_option_reaches_the_cluster()
    {
        var delay = TimeSpan.FromSeconds(5);
        await using var cluster = EmbeddedKafkaCluster.Start(new() { GroupInitialRebalanceDelay = delay, Topics = [new("clicks", 1)] });
        using var consumer = Clients.Consumer(cluster.BootstrapServers, "patient");
        consumer.Subscribe("clicks");
        var started = TimeProvider.System.GetTimestamp();

        var deadline = DateTime.UtcNow + Clients.Timeout;
        while (consumer.Assignment.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No assignment after {Clients.Timeout}.");
            consumer.Consume(TimeSpan.FromMilliseconds(100));
        }

        // A lower bound only, and above the mock's default of 3 s, so it shows the setting took effect.
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= delay * 0.9);
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

    private static void AssertSplit(IConsumer<string, string> first, IConsumer<string, string> second)
    {
        first.Subscribe("clicks");
        second.Subscribe("clicks");

        // Group membership only advances while both consumers poll.
        var deadline = DateTime.UtcNow + Clients.Timeout;
        while (!(first.Assignment.Count == 2 && second.Assignment.Count == 2))
        {
            Assert.True(
                DateTime.UtcNow < deadline,
                $"Assignments after {Clients.Timeout}: {first.Assignment.Count} and {second.Assignment.Count}.");
            first.Consume(TimeSpan.FromMilliseconds(100));
            second.Consume(TimeSpan.FromMilliseconds(100));
        }

        var all = first.Assignment.Concat(second.Assignment).Select(tp => tp.Partition.Value).Order();
        Assert.Equal([0, 1, 2, 3], all);
    }
}
