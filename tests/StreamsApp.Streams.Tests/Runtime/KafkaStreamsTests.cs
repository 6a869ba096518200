using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

public sealed class KafkaStreamsTests
{
    private static Topology CountTopology()
    {
        var builder = new StreamsBuilder();
        builder.Stream("words", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupBy((_, word) => word, Grouped.With(Serdes.String(), Serdes.String()))
            .Count(materialized: Materialized.As<string, long>("word-counts"))
            .ToStream()
            .To("word-counts", Produced.With(Serdes.String(), Serdes.Int64()));
        return builder.Build();
    }

    /// <summary>A cluster with the count topology's input and output topics.</summary>
    private static EmbeddedKafkaCluster CountCluster(int partitions)
    {
        var cluster = StartCluster();
        cluster.CreateTopic("words", partitions);
        cluster.CreateTopic("word-counts", partitions);
        return cluster;
    }

    private static IEnumerable<(string Key, string Value)> Words(int count, int distinct) =>
        Enumerable.Range(0, count).Select(i => ($"k{i}", $"w{i % distinct}"));

    [Fact]
    public async Task A_stateful_topology_counts_end_to_end_through_a_repartition_topic()
    {
        using var cluster = CountCluster(2);
        using var dir = new TempDir();
        await using var streams = new KafkaStreams(CountTopology(), Config(cluster, "count-app", dir.Path), Options(cluster));
        await streams.StartAsync();

        Produce(cluster, "words", Words(300, 10));

        var counts = Latest(ReadUntil(cluster, "word-counts", r => Latest(r, Int64).Count == 10 && Latest(r, Int64).Values.All(c => c == 30)), Int64);
        Assert.Equal(Enumerable.Range(0, 10).ToDictionary(i => $"w{i}", _ => 30L), counts);
        await streams.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);
        Assert.Equal([new(0, 0), new(0, 1), new(1, 0), new(1, 1)], streams.LocalActiveTasks);
        await streams.CloseAsync();
        Assert.Equal(KafkaStreamsState.NotRunning, streams.State);
    }

    [Fact]
    public async Task Start_fails_naming_missing_source_topics()
    {
        using var cluster = StartCluster();
        using var dir = new TempDir();
        await using var streams = new KafkaStreams(CountTopology(), Config(cluster, "missing-app", dir.Path), Options(cluster));

        var error = await Assert.ThrowsAsync<StreamsException>(() => streams.StartAsync());

        Assert.Contains("[words]", error.Message, StringComparison.Ordinal);
        Assert.Equal(KafkaStreamsState.NotRunning, streams.State);
    }

    [Fact]
    public void A_bad_configuration_fails_at_construction_naming_the_key()
    {
        var config = new StreamsConfig { ApplicationId = "bad app", BootstrapServers = "localhost:9092", NumStreamThreads = 0 };

        var error = Assert.Throws<StreamsConfigException>(() => new KafkaStreams(CountTopology(), config));

        Assert.Contains("ApplicationId", error.Message, StringComparison.Ordinal);
        Assert.Contains("NumStreamThreads", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_in_one_group_split_the_tasks_and_together_count_right()
    {
        using var cluster = CountCluster(4);
        using var dir1 = new TempDir();
        using var dir2 = new TempDir();
        await using var first = new KafkaStreams(CountTopology(), Config(cluster, "split-app", dir1.Path), Options(cluster));
        await using var second = new KafkaStreams(CountTopology(), Config(cluster, "split-app", dir2.Path), Options(cluster));
        await first.StartAsync();
        await second.StartAsync();
        await WaitUntil(() => first.LocalActiveTasks.Count > 0 && second.LocalActiveTasks.Count > 0
            && first.State == KafkaStreamsState.Running && second.State == KafkaStreamsState.Running);

        Produce(cluster, "words", Words(400, 20));

        var counts = Latest(ReadUntil(cluster, "word-counts", r => Latest(r, Int64) is var l && l.Count == 20 && l.Values.All(c => c == 20)), Int64);
        Assert.Equal(20, counts.Count);
        var all = first.LocalActiveTasks.Concat(second.LocalActiveTasks).Order().ToList();
        Assert.Equal(8, all.Count);
        Assert.Equal(8, all.Distinct().Count());
    }

    [Fact]
    public async Task A_broker_going_down_and_up_mid_stream_loses_nothing()
    {
        using var cluster = CountCluster(2);
        using var dir = new TempDir();
        await using var streams = new KafkaStreams(CountTopology(), Config(cluster, "broker-app", dir.Path), Options(cluster));
        await streams.StartAsync();
        Produce(cluster, "words", Words(100, 5));
        ReadUntil(cluster, "word-counts", r => Latest(r, Int64) is var l && l.Count == 5 && l.Values.All(c => c == 20));

        cluster.SetBrokerDown(1);
        await WaitUntil(() => !Deliverable(cluster));
        cluster.SetBrokerUp(1);
        Produce(cluster, "words", Words(100, 5));

        var counts = Latest(ReadUntil(cluster, "word-counts", r => Latest(r, Int64) is var l && l.Values.All(c => c >= 40)), Int64);
        Assert.All(counts.Values, c => Assert.Equal(40, c));
    }

    [Fact]
    public async Task Partitions_paused_for_full_buffers_are_resumed_so_everything_is_processed()
    {
        using var cluster = CountCluster(2);
        using var dir = new TempDir();
        var config = Config(cluster, "pause-app", dir.Path);
        config.BufferedRecordsPerPartition = 50;
        Produce(cluster, "words", Words(2_000, 4));
        await using var streams = new KafkaStreams(CountTopology(), config, Options(cluster));
        await streams.StartAsync();

        var counts = Latest(ReadUntil(cluster, "word-counts", r => Latest(r, Int64) is var l && l.Count == 4 && l.Values.All(c => c >= 500)), Int64);
        Assert.All(counts.Values, c => Assert.Equal(500, c));
        Assert.True(streams.Metrics.Find("partition-pauses-total").Sum(s => s.Count) > 0, "no partition was paused");
    }

    /// <summary>Whether a record can be delivered within a second (false while the broker is down).</summary>
    private static bool Deliverable(EmbeddedKafkaCluster cluster)
    {
        using var probe = new Confluent.Kafka.ProducerBuilder<string, string>(new Confluent.Kafka.ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            MessageTimeoutMs = 1000,
        }).Build();
        var delivered = false;
        probe.Produce("probe", new Confluent.Kafka.Message<string, string> { Value = "x" }, r => delivered = !r.Error.IsError);
        probe.Flush(WaitTimeout);
        return delivered;
    }
}
