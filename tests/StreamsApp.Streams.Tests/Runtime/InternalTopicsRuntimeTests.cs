using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>Internal topics created at start with the partition counts their tasks need, and co-partitioning checked.</summary>
public sealed class InternalTopicsRuntimeTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public async Task A_rekeyed_count_of_a_3_partition_topic_gets_a_3_partition_repartition_topic_and_changelog()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic("events", 3);
        var builder = new StreamsBuilder();
        builder.Stream("events", Strings)
            .GroupBy((_, value) => value, Grouped.With(Serdes.String(), Serdes.String()) with { Name = "by-value" })
            .Count(materialized: Materialized.As<string, long>("value-counts"))
            .ToStream()
            .To("value-counts-out", Produced.With(Serdes.String(), Serdes.Int64()));
        using var dir = new TempDir();
        await using var streams = new KafkaStreams(builder.Build(), Config(cluster, "topics-app", dir.Path), Options(cluster));

        await streams.StartAsync();

        using var admin = cluster.CreateTopicAdmin();
        var counts = await admin.GetPartitionCountsAsync(["topics-app-by-value-repartition", "topics-app-value-counts-changelog"]);
        Assert.Equal(
            new Dictionary<string, int> { ["topics-app-by-value-repartition"] = 3, ["topics-app-value-counts-changelog"] = 3 },
            counts);
    }

    [Fact]
    public async Task A_stream_table_join_of_topics_with_2_and_3_partitions_fails_at_start_naming_both()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic("orders", 2);
        cluster.CreateTopic("customers", 3);
        var builder = new StreamsBuilder();
        builder.Stream("orders", Strings)
            .Join(builder.Table("customers", Strings), (order, customer) => order + customer)
            .To("out", Produced.With(Serdes.String(), Serdes.String()));
        using var dir = new TempDir();
        await using var streams = new KafkaStreams(builder.Build(), Config(cluster, "copartition-app", dir.Path), Options(cluster));

        var error = await Assert.ThrowsAsync<TopologyException>(() => streams.StartAsync());

        Assert.Contains("'orders' has 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'customers' has 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("not co-partitioned", error.Message, StringComparison.Ordinal);
        Assert.Equal(KafkaStreamsState.NotRunning, streams.State);
    }
}
