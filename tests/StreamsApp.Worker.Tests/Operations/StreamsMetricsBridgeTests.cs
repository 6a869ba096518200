using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamsApp.Streams;
using StreamsApp.Streams.Hosting;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Operations.Metrics;

namespace StreamsApp.Worker.Tests.Operations;

/// <summary>The bridge against an instance whose sensors the test sets.</summary>
public sealed class StreamsMetricsBridgeTests
{
    private sealed class FakeInstance : IKafkaStreamsInstance
    {
        public KafkaStreams? Streams => null;

        public KafkaStreamsState State { get; set; } = KafkaStreamsState.Rebalancing;

        public DateTimeOffset? ClusterUnreachableSince { get; set; }

        public ProcessingGuarantee ProcessingGuarantee => ProcessingGuarantee.AtLeastOnce;

        public StreamsMetrics? Metrics { get; } = new(MetricsRecordingLevel.Debug);

        public Topology Topology => throw new NotSupportedException();

        public TopologyDescription Description => throw new NotSupportedException();

        public string? ApplicationServer => "x:1";

        public TStore Store<TStore>(StoreQueryParameters<TStore> parameters)
            where TStore : class => throw new NotSupportedException();

        public Task WaitForStateAsync(KafkaStreamsState state, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private static async Task<string> ScrapeAsync(StreamsMetricsBridge bridge)
    {
        using var stream = new MemoryStream();
        await bridge.Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task CountersGaugesAndLatenciesFollowTheSensorsAtEachScrape()
    {
        var instance = new FakeInstance();
        var bridge = new StreamsMetricsBridge(instance);
        var processed = instance.Metrics!.Sensor("process-total", "stream-task-metrics", "thread-id", "t-1", "task-id", "0_0");
        var remaining = instance.Metrics.Sensor("restore-remaining-records-total", "stream-task-metrics", "thread-id", "t-1", "task-id", "0_0");
        var latency = instance.Metrics.Sensor("put-latency", "stream-state-metrics", "task-id", "0_0", "rocksdb-state-id", "counts");
        processed.Record(5);
        remaining.Record(100);
        latency.Record(30);
        latency.Record(10);

        var first = await ScrapeAsync(bridge);
        processed.Record(2);
        remaining.Record(-100);
        var second = await ScrapeAsync(bridge);

        Assert.Contains("streamsapp_stream_task_process_total{task_id=\"0_0\",thread_id=\"t-1\"} 5", first, StringComparison.Ordinal);
        Assert.Contains("streamsapp_stream_task_restore_remaining_records{task_id=\"0_0\",thread_id=\"t-1\"} 100", first, StringComparison.Ordinal);
        Assert.Contains("streamsapp_stream_state_put_latency_sum{store=\"counts\",task_id=\"0_0\"} 40", first, StringComparison.Ordinal);
        Assert.Contains("streamsapp_stream_state_put_latency_count{store=\"counts\",task_id=\"0_0\"} 2", first, StringComparison.Ordinal);
        Assert.Contains("streamsapp_stream_state_put_latency_max{store=\"counts\",task_id=\"0_0\"} 30", first, StringComparison.Ordinal);
        Assert.Contains("streamsapp_stream_task_process_total{task_id=\"0_0\",thread_id=\"t-1\"} 7", second, StringComparison.Ordinal);
        Assert.Contains("streamsapp_stream_task_restore_remaining_records{task_id=\"0_0\",thread_id=\"t-1\"} 0", second, StringComparison.Ordinal);
        Assert.Contains("streamsapp_state{state=\"Rebalancing\"} 1", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EngineGaugesAreReadAtEachScrapeAndTheirSeriesLeaveWithThem()
    {
        var instance = new FakeInstance();
        var bridge = new StreamsMetricsBridge(instance);
        var lags = new Dictionary<string, double> { ["0"] = 12, ["1"] = 3 };
        instance.Metrics!.AddGauges(this, values =>
        {
            foreach (var (partition, lag) in lags)
            {
                values.Add(new MetricValue(MetricName.Of("records-lag", "consumer-fetch-manager-metrics", "thread-id", "t-1", "topic", "in", "partition", partition), lag));
            }

            values.Add(new MetricValue(MetricName.Of("estimate-num-keys", "stream-state-metrics", "thread-id", "t-1", "task-id", "0_0", "rocksdb-state-id", "counts"), 42));
        });

        var first = await ScrapeAsync(bridge);
        lags.Remove("1");
        lags["0"] = 0;
        var second = await ScrapeAsync(bridge);

        Assert.Contains("streamsapp_consumer_fetch_manager_records_lag{partition=\"0\",thread_id=\"t-1\",topic=\"in\"} 12", first, StringComparison.Ordinal);
        Assert.Contains("streamsapp_consumer_fetch_manager_records_lag{partition=\"1\",thread_id=\"t-1\",topic=\"in\"} 3", first, StringComparison.Ordinal);
        Assert.Contains("streamsapp_stream_state_estimate_num_keys{store=\"counts\",task_id=\"0_0\",thread_id=\"t-1\"} 42", first, StringComparison.Ordinal);
        Assert.Contains("streamsapp_consumer_fetch_manager_records_lag{partition=\"0\",thread_id=\"t-1\",topic=\"in\"} 0", second, StringComparison.Ordinal);
        Assert.DoesNotContain("partition=\"1\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreadDistributionsExportSumCountAndMaxAndTasksSumPerSubtopology()
    {
        var instance = new FakeInstance();
        var bridge = new StreamsMetricsBridge(instance);
        var pollRecords = instance.Metrics!.Sensor("poll-records", "stream-thread-metrics", "thread-id", "t-1");
        pollRecords.Record(500);
        pollRecords.Record(20);
        instance.Metrics.Sensor("process-total", "stream-task-metrics", "thread-id", "t-1", "task-id", "0_0").Record(5);
        instance.Metrics.Sensor("process-total", "stream-task-metrics", "thread-id", "t-2", "task-id", "0_1").Record(7);
        instance.Metrics.Sensor("process-total", "stream-task-metrics", "thread-id", "t-1", "task-id", "1_0").Record(2);

        var text = await ScrapeAsync(bridge);

        Assert.Contains("streamsapp_stream_thread_poll_records_sum{thread_id=\"t-1\"} 520", text, StringComparison.Ordinal);
        Assert.Contains("streamsapp_stream_thread_poll_records_count{thread_id=\"t-1\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("streamsapp_stream_thread_poll_records_max{thread_id=\"t-1\"} 500", text, StringComparison.Ordinal);
        Assert.Contains("streamsapp_subtopology_process_total{subtopology=\"0\"} 12", text, StringComparison.Ordinal);
        Assert.Contains("streamsapp_subtopology_process_total{subtopology=\"1\"} 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("streamsapp_sagas{", text, StringComparison.Ordinal);
    }
}
