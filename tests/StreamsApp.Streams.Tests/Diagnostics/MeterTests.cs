using System.Diagnostics.Metrics;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.TestApp;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Diagnostics;

/// <summary>The engine's metrics as <see cref="Meter"/> instruments: their kinds, units and attributes, and series that end with their task.</summary>
public sealed class MeterTests
{
    private static TopologyTestDriver CountingDriver(MetricsRecordingLevel level = MetricsRecordingLevel.Info)
    {
        var builder = new StreamsBuilder();
        builder.Stream("words", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupBy((_, word) => word, Grouped.With(Serdes.String(), Serdes.String()))
            .Count(materialized: Materialized.As<string, long>("counts"));
        return new TopologyTestDriver(builder.Build(), new StreamsConfig { ApplicationId = "meter", MetricsRecordingLevel = level });
    }

    [Fact]
    public void Counts_are_observable_counters_per_task_and_per_sub_topology()
    {
        using var driver = CountingDriver();
        using var reader = new MeterReader(driver.Metrics.Meter);
        var words = driver.CreateInputTopic("words", Serdes.String(), Serdes.String());
        foreach (var word in (string[])["a", "b", "a"])
        {
            words.PipeInput("k", word);
        }

        var processed = reader.Observe("streamsapp.task.processed");

        Assert.All(processed, o => Assert.IsAssignableFrom<ObservableCounter<double>>(o.Instrument));
        Assert.Equal("{record}", processed[0].Instrument.Unit);
        Assert.Equal(3, processed.Where(o => o.Tags["task.id"]!.StartsWith("0_", StringComparison.Ordinal)).Sum(o => o.Value));
        Assert.Equal(3, processed.Where(o => o.Tags["task.id"]!.StartsWith("1_", StringComparison.Ordinal)).Sum(o => o.Value));
        Assert.All(processed, o => Assert.Equal("test-driver", o.Tags["thread.id"]));
        var subtopologies = reader.Observe("streamsapp.subtopology.processed").ToDictionary(o => o.Tags["subtopology"]!, o => o.Value);
        Assert.Equal(new Dictionary<string, double> { ["0"] = 3, ["1"] = 3 }, subtopologies);
    }

    [Fact]
    public void Store_latencies_are_histograms_in_seconds_without_the_task()
    {
        using var driver = CountingDriver(MetricsRecordingLevel.Debug);
        using var reader = new MeterReader(driver.Metrics.Meter);

        driver.CreateInputTopic("words", Serdes.String(), Serdes.String()).PipeInput("k", "a");

        var puts = reader.Recorded("streamsapp.store.operation.duration").Where(o => o.Tags["operation"] == "put").ToList();
        var put = Assert.Single(puts);
        Assert.IsType<Histogram<double>>(put.Instrument);
        Assert.Equal("s", put.Instrument.Unit);
        Assert.InRange(put.Value, 0, 1);
        Assert.Equal("counts", put.Tags["store.name"]);
        Assert.False(put.Tags.ContainsKey("task.id"));
        var sensor = Assert.Single(driver.Metrics.Find("put-latency"));
        Assert.Equal(sensor.Sum / 1e6, put.Value, 12);
    }

    [Fact]
    public void A_closed_tasks_series_end_and_other_threads_keep_theirs()
    {
        using var metrics = new StreamsMetrics();
        using var reader = new MeterReader(metrics.Meter);
        metrics.Sensor("process-total", "stream-task-metrics", "thread-id", "t1", "task-id", "0_1").Record(5);
        metrics.Sensor("process-total", "stream-task-metrics", "thread-id", "t2", "task-id", "0_1").Record(7);
        metrics.Sensor("process-total", "stream-task-metrics", "thread-id", "t1", "task-id", "0_2").Record(1);

        metrics.RemoveTaskSensors("t1", "0_1");

        var series = reader.Observe("streamsapp.task.processed").Select(o => (o.Tags["thread.id"], o.Tags["task.id"], o.Value)).Order().ToList();
        Assert.Equal([("t1", "0_2", 1d), ("t2", "0_1", 7d)], series);
    }

    [Fact]
    public void One_collection_reads_the_engines_gauges_once_for_every_gauge_instrument()
    {
        using var metrics = new StreamsMetrics();
        using var reader = new MeterReader(metrics.Meter);
        var reads = 0;
        metrics.AddGauges(this, values =>
        {
            reads++;
            values.Add(new MetricValue(MetricName.Of("estimate-num-keys", "stream-state-metrics", "task-id", "0_0", "rocksdb-state-id", "s"), 7));
            values.Add(new MetricValue(MetricName.Of("records-lag", "consumer-fetch-manager-metrics", "topic", "t", "partition", "0"), 3));
        });

        var keys = reader.Observe("streamsapp.store.keys");

        Assert.Equal(7, Assert.Single(keys).Value);
        Assert.Equal(3, Assert.Single(reader.Recorded("streamsapp.consumer.lag")).Value);
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task Tasks_that_move_to_another_instance_leave_its_series_and_a_closed_instance_ends_them_all()
    {
        const string App = "meter-moves";
        using var cluster = StartCluster();
        cluster.CreateTopic(CountingTopology.Input(App), 4);
        cluster.CreateTopic(CountingTopology.Output(App), 4);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        await using var stayer = new KafkaStreams(CountingTopology.Build(App), Config(cluster, App, dirA.Path), Options(cluster));
        using var reader = new MeterReader(stayer.Metrics.Meter);
        await stayer.StartAsync();
        await WaitUntil(() => stayer.State == KafkaStreamsState.Running && stayer.LocalActiveTasks.Count == 8);
        Produce(cluster, CountingTopology.Input(App), Enumerable.Range(0, 40).Select(i => ($"k{i}", $"w{i % 10}")));
        await WaitUntil(() => reader.Observe("streamsapp.task.processed").Select(o => o.Tags["task.id"]).Distinct().Count() == 8);

        await using (var joiner = new KafkaStreams(CountingTopology.Build(App), Config(cluster, App, dirB.Path), Options(cluster)))
        {
            await joiner.StartAsync();
            await WaitUntil(() => stayer.State == KafkaStreamsState.Running && joiner.State == KafkaStreamsState.Running
                && joiner.LocalActiveTasks.Count > 0 && joiner.LocalActiveTasks.Count + stayer.LocalActiveTasks.Count == 8);

            var kept = stayer.LocalActiveTasks.Select(t => t.ToString()).ToHashSet();
            Assert.Subset(kept, reader.Observe("streamsapp.task.processed").Select(o => o.Tags["task.id"]!).ToHashSet());
        }

        await stayer.CloseAsync();
        Assert.Contains("streamsapp.task.processed", reader.Completed);
        Assert.Contains("streamsapp.client.state", reader.Completed);
    }

    [Fact]
    public async Task A_global_stores_size_and_bootstrap_are_observed_under_the_global_task()
    {
        const int Customers = 40;
        using var cluster = StartCluster();
        cluster.CreateTopic("customers", 2);
        cluster.CreateTopic("orders", 1);
        cluster.CreateTopic("enriched", 1);
        Produce(cluster, "customers", Enumerable.Range(0, Customers).Select(i => ($"c{i}", "gold")));
        var builder = new StreamsBuilder();
        var customers = builder.GlobalTable("customers", Consumed.With(Serdes.String(), Serdes.String()), Materialized.As<string, string>("customers-store"));
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.String()))
            .Join(customers, (_, customer) => customer, (customer, row) => $"{customer}@{row}")
            .To("enriched", Produced.With(Serdes.String(), Serdes.String()));
        using var dir = new TempDir();
        await using var streams = new KafkaStreams(builder.Build(), Config(cluster, "global-metrics", dir.Path), Options(cluster));
        using var reader = new MeterReader(streams.Metrics.Meter);
        await streams.StartAsync();

        double Keys() => reader.Observe("streamsapp.store.keys").Where(o => o.Tags["store.name"] == "customers-store").Sum(o => o.Value);
        Assert.Equal(Customers, Keys());
        var keys = Assert.Single(reader.Observe("streamsapp.store.keys"), o => o.Tags["store.name"] == "customers-store");
        Assert.Equal("-1_-1", keys.Tags["task.id"]);
        Assert.EndsWith("-GlobalStreamThread", keys.Tags["thread.id"], StringComparison.Ordinal);
        var restored = Assert.Single(reader.Observe("streamsapp.task.restored_records"), o => o.Tags["task.id"] == "-1_-1");
        Assert.Equal(Customers, restored.Value);
        Assert.Equal(0, Assert.Single(reader.Observe("streamsapp.task.restore.remaining_records"), o => o.Tags["task.id"] == "-1_-1").Value);

        Produce(cluster, "customers", [("c-new", "silver")]);
        await WaitUntil(() => Keys() == Customers + 1);
    }
}
