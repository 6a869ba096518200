using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>The thread sensors and the gauges (consumer lag, store sizes) move on a running instance.</summary>
public sealed class ThreadMetricsRuntimeTests
{
    [Fact]
    public async Task Thread_sensors_lag_and_store_sizes_follow_the_processing()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic("metered-in", 2);
        cluster.CreateTopic("metered-out", 2);
        var builder = new StreamsBuilder();
        var grouped = builder.Stream("metered-in", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupByKey(Grouped.With(Serdes.String(), Serdes.String()));
        grouped.Count(materialized: Materialized.As<string, long>("metered-counts"))
            .ToStream()
            .To("metered-out", Produced.With(Serdes.String(), Serdes.Int64()));
        grouped.WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromHours(1))).Count(materialized: Materialized.As<string, long>("metered-windows"));
        using var dir = new TempDir();
        var config = Config(cluster, "metered-app", dir.Path);
        config.KafkaProperties["statistics.interval.ms"] = "100";
        await using var streams = new KafkaStreams(builder.Build(), config, Options(cluster));
        await streams.StartAsync();

        // Distinct keys, each once and in one window: RocksDB's key estimates are then exact.
        Produce(cluster, "metered-in", Enumerable.Range(0, 120).Select(i => ($"key-{i}", "v")), timestamp: 1_000);

        var metrics = streams.Metrics;
        await WaitUntil(() =>
            Gauges(metrics, "records-lag") is { Count: 2 } lags && lags.All(l => l.Value == 0)
            && StoreKeys(metrics, "rocksdb-state-id", "metered-counts") == 120
            && StoreKeys(metrics, "rocksdb-window-state-id", "metered-windows") == 120
            && Thread(metrics, "process-total").Sum == 120
            // A commit follows the processing within the commit interval; the latency sensor records only commits that committed something.
            && Thread(metrics, "commit-latency").Count > 0);

        Assert.True(Thread(metrics, "poll-latency").Count > 0);
        Assert.Equal(120, Thread(metrics, "poll-records").Sum);
        Assert.True(Thread(metrics, "commit-latency").Max > 0);
        Assert.True(Thread(metrics, "process-latency").Count > 0);
        Assert.Equal(["0", "1"], Gauges(metrics, "records-lag").Select(g => g.Name.Tag("partition")).Order());
        Assert.All(Gauges(metrics, "records-lag"), g => Assert.Equal("metered-in", g.Name.Tag("topic")));
        Assert.Equal(
            ["0_0", "0_1"],
            Gauges(metrics, "estimate-num-keys").Where(g => g.Name.Tag("rocksdb-state-id") == "metered-counts").Select(g => g.Name.Tag("task-id")).Order());
        Assert.Equal(4, Gauges(metrics, "estimate-live-data-size").Count);

        await streams.CloseAsync();
        Assert.Empty(metrics.ReadGauges());
    }

    private static List<MetricValue> Gauges(StreamsMetrics metrics, string name) => [.. metrics.ReadGauges().Where(g => g.Name.Name == name)];

    private static double StoreKeys(StreamsMetrics metrics, string storeTag, string store) =>
        Gauges(metrics, "estimate-num-keys").Where(g => g.Name.Tag(storeTag) == store).Sum(g => g.Value);

    private static Sensor Thread(StreamsMetrics metrics, string name) =>
        Assert.Single(metrics.Sensors, s => s.Name.Group == "stream-thread-metrics" && s.Name.Name == name);
}
