using Confluent.Kafka;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class ClusterLifecycleTests
{
    [Fact]
    public async Task Two_clusters_in_one_process_are_independent()
    {
        var first = EmbeddedKafkaCluster.Start(new() { Topics = [new("only-in-first", 3)] });
        await using var second = EmbeddedKafkaCluster.Start();
        using var secondAdmin = second.CreateTopicAdmin();

        Assert.NotEqual(first.BootstrapServers, second.BootstrapServers);
        Assert.Empty(await secondAdmin.GetPartitionCountsAsync(["only-in-first"]));

        await first.DisposeAsync();
        second.CreateTopic("after", 1);
        using var producer = Clients.Producer(second.BootstrapServers);
        var result = await producer.ProduceAsync("after", new Message<string, string> { Key = "k", Value = "v" })
            .WaitAsync(Clients.Timeout);
        Assert.Equal(PersistenceStatus.Persisted, result.Status);
    }

    [Fact]
    public void Disposing_twice_is_harmless_and_later_calls_throw_ObjectDisposedException()
    {
        var cluster = EmbeddedKafkaCluster.Start();
        cluster.Dispose();
        cluster.Dispose();

        Assert.Throws<ObjectDisposedException>(() => cluster.CreateTopic("t", 1));
    }

    [Fact]
    public void The_cluster_uses_the_native_library_Confluent_Kafka_loaded()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var cluster = EmbeddedKafkaCluster.Start();

        // One mapped librdkafka file means our P/Invoke resolved to Confluent.Kafka's copy rather than a second one.
        var mapped = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && fields[5].Contains("librdkafka", StringComparison.Ordinal))
            .Select(fields => fields[5])
            .Distinct()
            .ToList();
        Assert.Single(mapped);
    }

    public static TheoryData<EmbeddedKafkaClusterOptions, string> InvalidOptions => new()
    {
        { new() { BrokerCount = 0 }, "BrokerCount must be at least 1" },
        { new() { Topics = [new("a", 1), new("a", 2)] }, "Topics[1] 'a' appears more than once" },
        { new() { Topics = [new("bad name", 1)] }, "Topics[0]: 'bad name' is not a legal topic name" },
        { new() { Topics = [new("empty", 0)] }, "Topics[0] 'empty' needs at least 1 partition" },
        { new() { GroupInitialRebalanceDelay = TimeSpan.FromSeconds(-1) }, "GroupInitialRebalanceDelay must be between" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_rejected_at_start_with_a_message_naming_the_setting(
        EmbeddedKafkaClusterOptions options, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => EmbeddedKafkaCluster.Start(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
