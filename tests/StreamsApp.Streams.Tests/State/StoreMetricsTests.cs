using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.State;

/// <summary>Per-store latency sensors: recorded at the debug level only, tagged with the task and the store.</summary>
public sealed class StoreMetricsTests
{
    private static readonly string[] LatencySensors = ["put-latency", "get-latency", "delete-latency"];

    [Theory]
    [InlineData(false, false, "in-memory")]
    [InlineData(false, true, "in-memory")]
    [InlineData(true, true, "rocksdb")]
    public void At_debug_level_put_get_and_delete_are_counted_per_store(bool persistent, bool caching, string scope)
    {
        var config = Config();
        config.MetricsRecordingLevel = MetricsRecordingLevel.Debug;
        var topology = With(KeyValue("s", caching, persistent: persistent), (store, record, context) =>
        {
            store.Put(record.Key, record.Value);
            _ = store.Get(record.Key);
            _ = store.Get("missing");
            if (record.Value == "last")
            {
                store.Delete(record.Key, out var _);
            }
        });
        using var driver = new TopologyTestDriver(topology, config);
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());

        input.PipeInput("a", "1");
        input.PipeInput("b", "2");
        input.PipeInput("a", "last");

        Assert.Equal(3, Sensor(driver, "put-latency", scope).Count);
        Assert.Equal(6, Sensor(driver, "get-latency", scope).Count);
        Assert.Equal(1, Sensor(driver, "delete-latency", scope).Count);
        var put = Sensor(driver, "put-latency", scope);
        Assert.Equal("stream-state-metrics", put.Name.Group);
        Assert.Equal("0_0", put.Name.Tag("task-id"));
        Assert.True(put.Max >= 0);
    }

    [Fact]
    public void Each_task_and_store_has_its_own_sensors()
    {
        var config = Config();
        config.MetricsRecordingLevel = MetricsRecordingLevel.Debug;
        var options = new TopologyTestDriverOptions { TopicPartitions = { [Input] = 2 } };
        using var driver = new TopologyTestDriver(Scripted(KeyValue("s")), config, options);
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());

        input.PipeInput(new TestRecord<string, string>("r", "put a 1; put b 2", Partition: 1));

        var puts = driver.Metrics.Find("put-latency", "in-memory-state-id", "s").ToDictionary(s => s.Name.Tag("task-id")!, s => s.Count);
        Assert.Equal(new Dictionary<string, long> { ["0_0"] = 0, ["0_1"] = 2 }, puts);
    }

    [Fact]
    public void At_info_level_no_store_sensor_exists()
    {
        var config = Config();
        Assert.Equal(MetricsRecordingLevel.Info, config.MetricsRecordingLevel);
        using var driver = new TopologyTestDriver(Scripted(KeyValue("s", caching: true)), config);

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "put a 1; delete a");
        _ = driver.GetKeyValueStore<string, string>("s").Get("a");

        Assert.All(LatencySensors, name => Assert.Empty(driver.Metrics.Find(name)));
        Assert.DoesNotContain(driver.Metrics.Sensors, s => s.Name.Group == "stream-state-metrics");
        Assert.NotEmpty(driver.Metrics.Sensors); // task metrics are still there
    }

    private static Sensor Sensor(TopologyTestDriver driver, string name, string scope) =>
        Assert.Single(driver.Metrics.Find(name, $"{scope}-state-id", "s"));
}
