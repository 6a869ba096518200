using Confluent.Kafka;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class TopicAdminTests
{
    [Fact]
    public async Task CreateTopic_gives_the_partition_count_asked_for()
    {
        await using var cluster = EmbeddedKafkaCluster.Start();
        using var admin = cluster.CreateTopicAdmin();

        cluster.CreateTopic("payments", 5);

        var counts = await admin.GetPartitionCountsAsync(["payments"]);
        Assert.Equal(5, counts["payments"]);
    }

    [Fact]
    public async Task Topics_in_the_options_exist_at_start()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("a", 1), new("b", 7)] });
        using var admin = cluster.CreateTopicAdmin();

        var counts = await admin.GetPartitionCountsAsync(["a", "b"]);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 7 }, counts);
    }

    [Fact]
    public async Task Asking_for_a_missing_topic_neither_reports_nor_creates_it()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("present", 2)] });
        using var admin = cluster.CreateTopicAdmin();

        var first = await admin.GetPartitionCountsAsync(["present", "missing"]);
        var second = await admin.GetPartitionCountsAsync(["missing"]);

        Assert.Equal(new Dictionary<string, int> { ["present"] = 2 }, first);
        Assert.Empty(second);
        // Creating it now succeeds only because the lookups left it missing.
        cluster.CreateTopic("missing", 3);
    }

    [Fact]
    public async Task CreateTopicsAsync_creates_missing_topics_and_leaves_existing_ones_alone()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("existing", 2)] });
        using var admin = cluster.CreateTopicAdmin();
        var compacted = new TopicDefinition("changelog", 4, new Dictionary<string, string> { ["cleanup.policy"] = "compact" });

        await admin.CreateTopicsAsync([new TopicDefinition("existing", 6), compacted]);
        await admin.CreateTopicsAsync([new TopicDefinition("existing", 6), compacted]);

        var counts = await admin.GetPartitionCountsAsync(["existing", "changelog"]);
        Assert.Equal(new Dictionary<string, int> { ["existing"] = 2, ["changelog"] = 4 }, counts);
    }

    [Fact]
    public void CreateTopic_on_an_existing_topic_throws_TopicAlreadyExists()
    {
        using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("t", 1)] });

        var error = Assert.Throws<KafkaException>(() => cluster.CreateTopic("t", 1));

        Assert.Equal(ErrorCode.TopicAlreadyExists, error.Error.Code);
    }
}
