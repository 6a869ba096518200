using System.Text.RegularExpressions;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Hosting;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Serialization;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;
using StreamsApp.Worker.Operations.Metrics;

namespace StreamsApp.Worker.Tests.Operations;

/// <summary>
/// The bridge exports a running global table's size and bootstrap under the global thread and task <c>-1_-1</c>,
/// with the label set the task stores' series have (the engine runs on the embedded cluster in-process).
/// </summary>
public sealed class GlobalStoreMetricsExportTests
{
    private const int Customers = 40;

    /// <summary>The engine's metrics of a real instance; no saga store to read.</summary>
    private sealed class RunningInstance(KafkaStreams streams) : IKafkaStreamsInstance
    {
        public KafkaStreams? Streams => null;

        public KafkaStreamsState State => streams.State;

        public DateTimeOffset? ClusterUnreachableSince => streams.ClusterUnreachableSince;

        public ProcessingGuarantee ProcessingGuarantee => streams.ProcessingGuarantee;

        public StreamsMetrics? Metrics => streams.Metrics;

        public Topology Topology => throw new NotSupportedException();

        public TopologyDescription Description => throw new NotSupportedException();

        public string? ApplicationServer => "x:1";

        public TStore Store<TStore>(StoreQueryParameters<TStore> parameters)
            where TStore : class => throw new NotSupportedException();

        public Task WaitForStateAsync(KafkaStreamsState state, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    [Fact]
    public async Task TheGlobalStoreSizeAndBootstrapAreExportedUnderTheGlobalTask()
    {
        using var cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaClusterOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });
        cluster.CreateTopic("customers", 2);
        cluster.CreateTopic("orders", 1);
        cluster.CreateTopic("enriched", 1);
        Produce(cluster, Enumerable.Range(0, Customers).Select(i => ($"c{i}", "gold")));
        var builder = new StreamsBuilder();
        var customers = builder.GlobalTable("customers", Consumed.With(Serdes.String(), Serdes.String()), Materialized.As<string, string>("customers-store"));
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.String()))
            .Join(customers, (_, customer) => customer, (customer, row) => $"{customer}@{row}")
            .To("enriched", Produced.With(Serdes.String(), Serdes.String()));
        var stateDir = Directory.CreateTempSubdirectory("streamsapp-worker-global-").FullName;
        try
        {
            await using var streams = new KafkaStreams(
                builder.Build(),
                new StreamsConfig { ApplicationId = "global-metrics", BootstrapServers = cluster.BootstrapServers, StateDir = stateDir },
                new KafkaStreamsOptions { TopicAdmin = cluster.CreateTopicAdmin(), HandleShutdownSignals = false });
            var bridge = new StreamsMetricsBridge(new RunningInstance(streams));
            await streams.StartAsync();

            var text = await ScrapeAsync(bridge);
            Produce(cluster, [("c-new", "silver")]);
            await Wait.UntilAsync(async () => Series(Customers + 1).IsMatch(await ScrapeAsync(bridge)), TimeSpan.FromSeconds(15));

            Assert.Matches(Series(Customers), text);
            Assert.Matches(new Regex($"^streamsapp_stream_task_restore_total\\{{task_id=\"-1_-1\",thread_id=\"[^\"]+-GlobalStreamThread\"\\}} {Customers}$", RegexOptions.Multiline), text);
            Assert.Matches(new Regex("^streamsapp_stream_task_restore_remaining_records\\{task_id=\"-1_-1\",thread_id=\"[^\"]+-GlobalStreamThread\"\\} 0$", RegexOptions.Multiline), text);
        }
        finally
        {
            Directory.Delete(stateDir, recursive: true);
        }
    }

    /// <summary>The store's size series, with the label set of a task store's (store, task_id, thread_id).</summary>
    private static Regex Series(int keys) => new(
        $"^streamsapp_stream_state_estimate_num_keys\\{{store=\"customers-store\",task_id=\"-1_-1\",thread_id=\"global-metrics-[0-9a-f-]+-GlobalStreamThread\"\\}} {keys}$",
        RegexOptions.Multiline);

    private static async Task<string> ScrapeAsync(StreamsMetricsBridge bridge)
    {
        using var stream = new MemoryStream();
        await bridge.Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Produce(EmbeddedKafkaCluster cluster, IEnumerable<(string Key, string Value)> records)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        foreach (var (key, value) in records)
        {
            producer.Produce("customers", new Message<string, string> { Key = key, Value = value });
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }
}
