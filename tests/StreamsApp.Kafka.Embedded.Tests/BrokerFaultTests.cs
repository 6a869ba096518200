using Confluent.Kafka;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class BrokerFaultTests
{
    private static readonly Message<string, string> Record = new() { Key = "k", Value = "v" };

    [Fact]
    public async Task A_produce_waits_while_the_broker_is_down_and_succeeds_once_it_is_up()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("events", 1)] });
        var allBrokersDown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var config = new ProducerConfig { BootstrapServers = cluster.BootstrapServers, MessageTimeoutMs = 60_000 };
        using var producer = new ProducerBuilder<string, string>(config)
            .SetLogHandler((_, _) => { })
            .SetErrorHandler((_, error) =>
            {
                if (error.Code == ErrorCode.Local_AllBrokersDown)
                {
                    allBrokersDown.TrySetResult();
                }
            })
            .Build();
        await producer.ProduceAsync("events", Record).WaitAsync(Clients.Timeout);

        cluster.SetBrokerDown(1);
        await allBrokersDown.Task.WaitAsync(Clients.Timeout);
        var pending = producer.ProduceAsync("events", Record);
        Assert.False(pending.IsCompleted);
        cluster.SetBrokerUp(1);

        var result = await pending.WaitAsync(Clients.Timeout);
        Assert.Equal(PersistenceStatus.Persisted, result.Status);
        Assert.Equal(1, result.Offset.Value);
    }

    [Fact]
    public async Task Moving_leadership_off_a_down_broker_lets_producers_continue()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { BrokerCount = 2 });
        cluster.CreateTopic("events", 1, replicationFactor: 2);
        cluster.SetPartitionLeader("events", 0, 1);
        using var producer = Clients.Producer(cluster.BootstrapServers, c => c.MessageTimeoutMs = 60_000);
        await producer.ProduceAsync("events", Record).WaitAsync(Clients.Timeout);

        cluster.SetBrokerDown(1);
        cluster.SetPartitionLeader("events", 0, 2);

        var result = await producer.ProduceAsync("events", Record).WaitAsync(Clients.Timeout);
        Assert.Equal(PersistenceStatus.Persisted, result.Status);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers })
            .SetLogHandler((_, _) => { })
            .Build();
        Assert.Equal(2, admin.GetMetadata("events", Clients.Timeout).Topics.Single().Partitions.Single().Leader);
    }

    [Fact]
    public async Task Broker_round_trip_time_delays_responses()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("events", 1)] });
        using var producer = Clients.Producer(cluster.BootstrapServers, c => c.LingerMs = 0);
        await producer.ProduceAsync("events", Record).WaitAsync(Clients.Timeout);
        var rtt = TimeSpan.FromMilliseconds(500);

        cluster.SetBrokerRtt(1, rtt);
        var started = TimeProvider.System.GetTimestamp();
        await producer.ProduceAsync("events", Record).WaitAsync(Clients.Timeout);

        // A lower bound only: the delay is added to every response, so the produce cannot be faster.
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= rtt * 0.9);
    }

    [Fact]
    public void Fault_helpers_reject_unknown_brokers()
    {
        using var cluster = EmbeddedKafkaCluster.Start(new() { BrokerCount = 2 });

        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetBrokerDown(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetBrokerUp(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetPartitionLeader("t", 0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetBrokerRtt(1, TimeSpan.FromMilliseconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.CreateTopic("t", 1, replicationFactor: 3));
    }
}
