using Confluent.Kafka;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// The exactly-once commit protocol on the embedded cluster. The mock accepts transactions but neither stores
/// offsets committed in them nor filters aborted records (embedded-kafka.md), so these tests check the protocol's
/// moves — output inside transactions, fencing handled as task migration — not end-to-end exactly-once, which the
/// opt-in tests check on a real broker.
/// </summary>
public sealed class ExactlyOnceTests
{
    private static Topology Passthrough()
    {
        var builder = new StreamsBuilder();
        builder.Stream("in", Consumed.With(Serdes.String(), Serdes.String())).MapValues(v => v.ToUpperInvariant())
            .To("out", Produced.With(Serdes.String(), Serdes.String()));
        return builder.Build();
    }

    private static (StreamsConfig Config, KafkaStreamsOptions Options) ExactlyOnce(
        EmbeddedKafkaCluster cluster, string appId, string dir, Func<Exception, StreamThreadExceptionResponse>? handler = null)
    {
        var config = Config(cluster, appId, dir);
        config.ProcessingGuarantee = ProcessingGuarantee.ExactlyOnceV2;
        return (config, new KafkaStreamsOptions
        {
            TopicAdmin = new ForwardingTopicAdmin(cluster.CreateTopicAdmin()), HandleShutdownSignals = false, UncaughtExceptionHandler = handler,
        });
    }

    [Fact]
    public async Task Exactly_once_processes_every_record_through_transactions()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic("in", 1);
        cluster.CreateTopic("out", 1);
        using var dir = new TempDir();
        var (config, options) = ExactlyOnce(cluster, "eos-app", dir.Path);
        await using var streams = new KafkaStreams(Passthrough(), config, options);
        await streams.StartAsync();
        Assert.Equal(ProcessingGuarantee.ExactlyOnceV2, streams.ProcessingGuarantee);

        Produce(cluster, "in", Enumerable.Range(0, 50).Select(i => ($"k{i}", $"v{i}")));
        var output = ReadUntil(cluster, "out", r => r.Count == 50);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"V{i}"), output.Select(r => System.Text.Encoding.UTF8.GetString(r.Message.Value)));
    }

    [Fact]
    public async Task Under_exactly_once_the_producer_is_transactional_and_its_init_failure_reaches_the_handler()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic("in", 1);
        cluster.CreateTopic("out", 1);
        using var dir = new TempDir();
        var failure = new TaskCompletionSource<Exception>();
        var (config, options) = ExactlyOnce(cluster, "eos-denied", dir.Path, e =>
        {
            failure.TrySetResult(e);
            return StreamThreadExceptionResponse.ShutdownClient;
        });
        cluster.PushRequestErrors(KafkaApi.InitProducerId, ErrorCode.TransactionalIdAuthorizationFailed);
        await using var streams = new KafkaStreams(Passthrough(), config, options);
        await streams.StartAsync();

        var error = await failure.Task.WaitAsync(WaitTimeout);
        Assert.Contains("uthoriz", error.ToString(), StringComparison.Ordinal);
        await streams.WaitForStateAsync(KafkaStreamsState.Error).WaitAsync(WaitTimeout);
        Assert.Equal(KafkaStreamsState.Error, streams.State);
    }

    [Fact]
    public async Task The_embedded_cluster_makes_the_runtime_fall_back_to_at_least_once()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic("in", 1);
        cluster.CreateTopic("out", 1);
        using var dir = new TempDir();
        var config = Config(cluster, "eos-embedded", dir.Path);
        config.ProcessingGuarantee = ProcessingGuarantee.ExactlyOnceV2;
        await using var streams = new KafkaStreams(Passthrough(), config, Options(cluster));
        await streams.StartAsync();

        Assert.Equal(ProcessingGuarantee.AtLeastOnce, streams.ProcessingGuarantee);
        Assert.Equal(ProcessingGuarantee.ExactlyOnceV2, config.ProcessingGuarantee);
    }

    [Fact]
    public async Task A_fenced_producer_closes_the_tasks_as_migrated_and_the_thread_goes_on()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic("in", 1);
        cluster.CreateTopic("out", 1);
        using var dir = new TempDir();
        var failures = 0;
        var (config, options) = ExactlyOnce(cluster, "eos-fenced", dir.Path, _ =>
        {
            Interlocked.Increment(ref failures);
            return StreamThreadExceptionResponse.ShutdownClient;
        });
        await using var streams = new KafkaStreams(Passthrough(), config, options);
        await streams.StartAsync();
        Produce(cluster, "in", [("a", "first")]);
        ReadUntil(cluster, "out", r => r.Count == 1);

        cluster.PushRequestErrors(KafkaApi.EndTxn, ErrorCode.ProducerFenced);
        Produce(cluster, "in", [("b", "second")]);
        Produce(cluster, "in", [("c", "third")]);

        // The mock shows records before their transaction commits, so wait for the fenced commit itself.
        await WaitUntil(() => streams.Metrics.Find("task-migrations-total").Sum(s => s.Count) == 1);
        Produce(cluster, "in", [("d", "fourth")]);

        // The new producer processes on: whatever the fenced transaction held again, then the rest.
        ReadUntil(cluster, "out", r => r.Any(x => System.Text.Encoding.UTF8.GetString(x.Message.Value) == "FOURTH"));
        Assert.Equal(0, failures);
        Assert.NotEqual(KafkaStreamsState.Error, streams.State);
    }
}
