using System.Text;
using Confluent.Kafka;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>Errors injected into the embedded cluster's produce and commit paths: retried, or handled as configured.</summary>
public sealed class FaultInjectionTests
{
    private static Topology Upper()
    {
        var builder = new StreamsBuilder();
        builder.Stream("in", Consumed.With(Serdes.String(), Serdes.String())).MapValues(v => v.ToUpperInvariant())
            .To("out", Produced.With(Serdes.String(), Serdes.String()));
        return builder.Build();
    }

    /// <summary>
    /// Injected errors go to the next requests of their kind from any client, so the test writes its input first and
    /// injects before the instance starts: then the instance's own requests are the ones that fail.
    /// </summary>
    private static async Task<KafkaStreams> StartAsync(EmbeddedKafkaCluster cluster, string appId, string dir, Action<StreamsConfig>? configure = null)
    {
        var config = Config(cluster, appId, dir);
        configure?.Invoke(config);
        var streams = new KafkaStreams(Upper(), config, Options(cluster));
        await streams.StartAsync();
        await streams.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);
        return streams;
    }

    private static EmbeddedKafkaCluster Cluster()
    {
        var cluster = StartCluster();
        cluster.CreateTopic("in", 1);
        cluster.CreateTopic("out", 1);
        return cluster;
    }

    private static List<string> Values(IEnumerable<ConsumeResult<byte[], byte[]>> records) =>
        [.. records.Select(r => Encoding.UTF8.GetString(r.Message.Value))];

    [Fact]
    public async Task Retriable_produce_errors_are_retried_and_lose_nothing()
    {
        using var cluster = Cluster();
        using var dir = new TempDir();
        Produce(cluster, "in", Enumerable.Range(0, 20).Select(i => ($"k{i}", $"v{i}")));
        cluster.PushRequestErrors(KafkaApi.Produce, ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotEnoughReplicas);
        await using var streams = await StartAsync(cluster, "produce-retry", dir.Path);

        // The idempotent producer retries in order and without duplicates.
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"V{i}"), Values(ReadUntil(cluster, "out", r => r.Count >= 20)));
        Assert.Equal(0, streams.Metrics.Find("dropped-records-total").Sum(s => s.Count));
    }

    [Fact]
    public async Task A_rejected_record_goes_to_the_production_handler_and_processing_goes_on()
    {
        using var cluster = Cluster();
        using var dir = new TempDir();
        Produce(cluster, "in", [("k1", "rejected")]);
        cluster.PushRequestErrors(KafkaApi.Produce, ErrorCode.InvalidRecord);
        await using var streams = await StartAsync(
            cluster, "produce-reject", dir.Path, c => c.ProductionExceptionHandler = ExceptionHandlers.LogAndContinue);
        await WaitUntil(() => streams.Metrics.Find("dropped-records-total").Sum(s => s.Count) == 1);
        Produce(cluster, "in", [("k2", "after")]);

        Assert.Equal(["AFTER"], Values(ReadUntil(cluster, "out", r => r.Count == 1)));
        Assert.NotEqual(KafkaStreamsState.Error, streams.State);
    }

    [Fact]
    public async Task Transient_commit_errors_are_retried_until_the_offsets_are_committed()
    {
        using var cluster = Cluster();
        using var dir = new TempDir();
        Produce(cluster, "in", Enumerable.Range(0, 10).Select(i => ($"k{i}", $"v{i}")));
        cluster.PushRequestErrors(
            KafkaApi.OffsetCommit, ErrorCode.GroupCoordinatorNotAvailable, ErrorCode.RequestTimedOut, ErrorCode.GroupLoadInProgress);
        await using var streams = await StartAsync(cluster, "commit-retry", dir.Path);
        ReadUntil(cluster, "out", r => r.Count >= 10);

        using var probe = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "commit-retry" }).Build();
        await WaitUntil(() => probe.Committed([new TopicPartition("in", 0)], WaitTimeout)[0].Offset == 10);
        Assert.NotEqual(KafkaStreamsState.Error, streams.State);
    }

    [Theory]
    [InlineData(ErrorCode.RebalanceInProgress)]
    [InlineData(ErrorCode.StaleMemberEpoch)] // the consumer protocol's: an assignment the thread has not heard of yet
    public async Task A_periodic_commit_refused_by_a_rebalance_waits_for_the_next_commit_and_reprocesses_nothing(ErrorCode refusal)
    {
        using var cluster = Cluster();
        using var dir = new TempDir();
        Produce(cluster, "in", Enumerable.Range(0, 10).Select(i => ($"k{i}", $"v{i}")));
        cluster.PushRequestErrors(KafkaApi.OffsetCommit, refusal);
        await using var streams = await StartAsync(cluster, "commit-rebalancing", dir.Path);
        using var probe = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "commit-rebalancing" }).Build();
        await WaitUntil(() => probe.Committed([new TopicPartition("in", 0)], WaitTimeout)[0].Offset == 10);
        Produce(cluster, "in", Enumerable.Range(10, 10).Select(i => ($"k{i}", $"v{i}")));
        await WaitUntil(() => probe.Committed([new TopicPartition("in", 0)], WaitTimeout)[0].Offset == 20);

        // The member is still in the group: closing its tasks dirty would process the first records twice.
        var expected = Enumerable.Range(0, 20).Select(i => $"V{i}").ToList();
        Assert.Equal(expected, Values(ReadUntil(cluster, "out", r => r.Count >= 20)));
        Assert.Equal(0, streams.Metrics.Find("task-migrations-total").Sum(s => s.Count));
    }
}
