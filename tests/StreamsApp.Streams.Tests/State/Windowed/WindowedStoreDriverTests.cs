using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.State.Windowed;

/// <summary>Window and session stores behind a Processor API topology in the driver: changelog contents and read-back.</summary>
public sealed class WindowedStoreDriverTests : IDisposable
{
    private readonly string _stateDir = Path.Combine(Path.GetTempPath(), "streamsapp-tests", Guid.NewGuid().ToString("N"));

    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Size = TimeSpan.FromSeconds(10);

    // Each record's value "start" puts the record's key and "v@start" in the window starting at start.
    private static Topology WindowTopology(IStoreBuilder<IWindowStore<string, string>> builder) =>
        With(builder, (store, record, _) => store.Put(record.Key, record.Value == "null" ? null : "v@" + record.Value, record.Timestamp));

    [Fact]
    public void Window_puts_are_logged_with_kafka_store_keys_and_read_back_through_the_driver()
    {
        var builder = Stores.WindowStoreBuilder(Stores.InMemoryWindowStore("w", Retention, Size, false), Serdes.String(), Serdes.String());
        using var driver = new TopologyTestDriver(WindowTopology(builder), Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var changelog = driver.CreateOutputTopic(Changelog("w"), Serdes.ByteArray(), Serdes.String());

        input.PipeInput("k", "a", 1_000);
        input.PipeInput("k", "b", 2_000);
        input.PipeInput("k", "null", 1_000);

        var records = changelog.ReadRecordsToList();
        Assert.Equal(
            ["6B00000000000003E800000000", "6B00000000000007D000000000", "6B00000000000003E800000000"],
            records.Select(r => Convert.ToHexString(r.Key)));
        Assert.Equal(["v@a", "v@b", null], records.Select(r => (string?)r.Value));

        var store = driver.GetWindowStore<string, string>("w");
        Assert.False(store.TryFetch("k", 1_000, out _));
        Assert.Equal([KeyValue.Pair(new Windowed<string>("k", new TimeWindow(2_000, 12_000)), "v@b")], store.All().ToList());
    }

    [Fact]
    public void A_duplicate_retaining_store_logs_increasing_sequence_numbers()
    {
        var builder = Stores.WindowStoreBuilder(Stores.PersistentWindowStore("d", Retention, Size, true), Serdes.String(), Serdes.String());
        using var driver = new TopologyTestDriver(WindowTopology(builder), Config(stateDir: _stateDir));
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var changelog = driver.CreateOutputTopic(Changelog("d"), Serdes.ByteArray(), Serdes.String());

        input.PipeInput("k", "1", 5);
        input.PipeInput("k", "2", 5);

        Assert.Equal(
            ["6B000000000000000500000001", "6B000000000000000500000002"],
            changelog.ReadRecordsToList().Select(r => Convert.ToHexString(r.Key)));
        Assert.Equal(["v@1", "v@2"], driver.GetWindowStore<string, string>("d").Fetch("k", 0, 10).Select(e => e.Value));
    }

    [Fact]
    public void A_timestamped_window_store_logs_the_plain_value_at_the_stored_timestamp_and_the_driver_shows_plain_values()
    {
        var builder = Stores.TimestampedWindowStoreBuilder(Stores.InMemoryWindowStore("t", Retention, Size, false), Serdes.String(), Serdes.String());
        var topology = With(builder, (store, record, _) => store.Put(record.Key, new ValueAndTimestamp<string>(record.Value, record.Timestamp + 1), 0));
        using var driver = new TopologyTestDriver(topology, Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var changelog = driver.CreateOutputTopic(Changelog("t"), Serdes.ByteArray(), Serdes.String());

        input.PipeInput("k", "x", 40);

        var record = Assert.Single(changelog.ReadRecordsToList());
        Assert.Equal(("x", 41L), (record.Value, record.Timestamp!.Value));
        Assert.True(driver.GetWindowStore<string, string>("t").TryFetch("k", 0, out var plain));
        Assert.Equal("x", plain);
        Assert.True(driver.GetTimestampedWindowStore<string, string>("t").TryFetch("k", 0, out var stamped));
        Assert.Equal(new ValueAndTimestamp<string>("x", 41), stamped);
    }

    [Fact]
    public void Session_puts_and_removes_are_logged_with_kafka_store_keys_and_read_back_through_the_driver()
    {
        var builder = Stores.SessionStoreBuilder(Stores.InMemorySessionStore("s", Retention), Serdes.String(), Serdes.String());
        var topology = With(builder, (store, record, _) =>
        {
            var session = new Windowed<string>(record.Key, new SessionWindow(record.Timestamp - 10, record.Timestamp));
            if (record.Value == "remove")
            {
                store.Remove(session);
            }
            else
            {
                store.Put(session, record.Value);
            }
        });
        using var driver = new TopologyTestDriver(topology, Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.ByteArray(), Serdes.String());

        input.PipeInput("k", "agg1", 20);
        input.PipeInput("k", "agg2", 50);
        input.PipeInput("k", "remove", 20);

        var records = changelog.ReadRecordsToList();
        Assert.Equal(
            ["6B" + "0000000000000014" + "000000000000000A", "6B" + "0000000000000032" + "0000000000000028", "6B" + "0000000000000014" + "000000000000000A"],
            records.Select(r => Convert.ToHexString(r.Key)));
        Assert.Equal(["agg1", "agg2", null], records.Select(r => (string?)r.Value));

        Assert.Equal([KeyValue.Pair(new Windowed<string>("k", new SessionWindow(40, 50)), "agg2")], driver.GetSessionStore<string, string>("s").Fetch("k").ToList());
    }

    [Fact]
    public void With_several_partitions_the_driver_reads_every_task_and_refuses_writes_without_a_partition()
    {
        var builder = Stores.WindowStoreBuilder(Stores.InMemoryWindowStore("w", Retention, Size, false), Serdes.String(), Serdes.String());
        var options = new TopologyTestDriverOptions();
        options.TopicPartitions[Input] = 2;
        using var driver = new TopologyTestDriver(WindowTopology(builder), Config(), options);
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());

        foreach (var key in new[] { "a", "b", "c", "d", "e" })
        {
            input.PipeInput(key, "x", 100);
        }

        var view = driver.GetWindowStore<string, string>("w");
        var all = view.FetchAll(0, 1_000);
        Assert.Equal(["a", "b", "c", "d", "e"], all.Select(e => e.Key.Key).Order());
        Assert.True(view.TryFetch("e", 100, out _));
        Assert.Throws<NotSupportedException>(() => view.Put("z", "v", 0));
        Assert.InRange(driver.GetWindowStore<string, string>("w", partition: 0).All().Count(), 0, 4);
    }

    [Fact]
    public void Windowed_builders_log_to_compacted_and_deleted_changelogs_kept_a_day_past_retention()
    {
        var window = Stores.WindowStoreBuilder(Stores.InMemoryWindowStore("w", Retention, Size, false), Serdes.String(), Serdes.String());
        var session = Stores.SessionStoreBuilder(Stores.PersistentSessionStore("s", Retention), Serdes.String(), Serdes.String());

        foreach (var config in new[] { window.LogConfig, session.LogConfig })
        {
            Assert.Equal("compact,delete", config["cleanup.policy"]);
            Assert.Equal((600_000 + 86_400_000).ToString(System.Globalization.CultureInfo.InvariantCulture), config["retention.ms"]);
        }

        Assert.True(window.LoggingEnabled);
        Assert.Equal("1", window.WithLoggingEnabled(new Dictionary<string, string> { ["retention.ms"] = "1" }).LogConfig["retention.ms"]);
        Assert.Equal("compact,delete", window.LogConfig["cleanup.policy"]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_stateDir))
        {
            Directory.Delete(_stateDir, recursive: true);
        }
    }
}
