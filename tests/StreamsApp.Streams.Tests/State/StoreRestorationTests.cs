using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;
using StreamsApp.Streams.Tests.Dsl;
using StreamsApp.Streams.Tests.Dsl.Suppress;
using StreamsApp.Streams.Tests.Runtime;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.State;

/// <summary>
/// Every kind of store, written through its logged layers in the driver, is rebuilt from the records of its changelog
/// by the callback it registers with its task's state manager, as the changelog reader restores it.
/// </summary>
public sealed class StoreRestorationTests : IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private static readonly TimeSpan WindowSize = TimeSpan.FromMilliseconds(10);

    private readonly TempStateRoot _root = new();
    private readonly StateDirectory _directory;
    private TaskHarness? _restored;

    public StoreRestorationTests() => _directory = _root.Open(AppId);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_timestamped_key_value_store_gets_back_values_with_their_stored_timestamps(bool persistent)
    {
        var supplier = persistent ? Stores.PersistentKeyValueStore("t") : Stores.InMemoryKeyValueStore("t");
        var topology = With(
            Stores.TimestampedKeyValueStoreBuilder(supplier, Serdes.String(), Serdes.String()),
            (store, record, _) =>
            {
                if (record.Value == "delete")
                {
                    store.Delete(record.Key, out var _);
                }
                else
                {
                    store.Put(record.Key, new ValueAndTimestamp<string>(record.Value, record.Timestamp - 5));
                }
            });
        using var driver = Drive(topology, ("a", "v1", 100), ("b", "v2", 200), ("a", "v3", 300), ("b", "delete", 400), ("c", "", 500));

        var restored = Restore(topology, driver).Store<ITimestampedKeyValueStore<string, string>>("t");

        var expected = All(driver.GetTimestampedKeyValueStore<string, string>("t"));
        Assert.Equal([KeyValuePair("a", new ValueAndTimestamp<string>("v3", 295)), KeyValuePair("c", new ValueAndTimestamp<string>("", 495))], expected);
        Assert.Equal(expected, All(restored));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_plain_key_value_store_gets_back_its_values_as_logged(bool persistent)
    {
        var topology = Scripted(KeyValue("s", persistent: persistent));
        using var driver = Drive(topology, ("r", "put a 1; put b 2; put c 3", 1), ("r", "delete a; put b 22", 2));

        var restored = Restore(topology, driver).Store<IKeyValueStore<string, string>>("s");

        Assert.Equal([KeyValuePair("b", "22"), KeyValuePair("c", "3")], All(restored));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_timestamped_window_store_gets_back_windows_with_their_stored_timestamps(bool persistent)
    {
        var supplier = persistent
            ? Stores.PersistentTimestampedWindowStore("w", Retention, WindowSize, retainDuplicates: false)
            : Stores.InMemoryWindowStore("w", Retention, WindowSize, retainDuplicates: false);
        var topology = With(
            Stores.TimestampedWindowStoreBuilder(supplier, Serdes.String(), Serdes.String()),
            (store, record, _) => store.Put(
                record.Key, new ValueAndTimestamp<string>(record.Value, record.Timestamp + 1), record.Timestamp / 10 * 10));
        using var driver = Drive(topology, ("a", "1", 100), ("a", "2", 105), ("a", "3", 110), ("b", "4", 100));

        var restored = Restore(topology, driver).Store<ITimestampedWindowStore<string, string>>("w");

        var expected = All(driver.GetTimestampedWindowStore<string, string>("w"));
        Assert.Equal(
            [("a", 100L, "2", 106L), ("a", 110L, "3", 111L), ("b", 100L, "4", 101L)],
            expected.Select(e => (e.Key.Key, e.Key.Window.StartMs, e.Value.Value, e.Value.Timestamp)).Order());
        Assert.Equal(expected, All(restored));
    }

    [Fact]
    public void A_window_store_with_duplicates_gets_back_every_duplicate()
    {
        var topology = With(
            Stores.WindowStoreBuilder(Stores.InMemoryWindowStore("d", Retention, WindowSize, retainDuplicates: true), Serdes.String(), Serdes.String()),
            (store, record, _) => store.Put(record.Key, record.Value, 0));
        using var driver = Drive(topology, ("a", "1", 1), ("a", "2", 2), ("a", "1", 3));

        var restored = Restore(topology, driver).Store<IWindowStore<string, string>>("d");

        Assert.Equal(["1", "2", "1"], All(restored).Select(e => e.Value));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_session_store_gets_back_its_sessions_without_the_removed_ones(bool persistent)
    {
        var supplier = persistent ? Stores.PersistentSessionStore("s", Retention) : Stores.InMemorySessionStore("s", Retention);
        var topology = With(
            Stores.SessionStoreBuilder(supplier, Serdes.String(), Serdes.String()),
            (store, record, _) =>
            {
                var session = new Windowed<string>(record.Key, new SessionWindow(record.Timestamp, record.Timestamp + 5));
                if (record.Value == "remove")
                {
                    store.Remove(session);
                }
                else
                {
                    store.Put(session, record.Value);
                }
            });
        using var driver = Drive(topology, ("a", "x", 10), ("a", "y", 20), ("b", "z", 10), ("a", "remove", 10));

        var restored = Restore(topology, driver).Store<ISessionStore<string, string>>("s");

        Assert.Equal(
            [("a", 20L, 25L, "y"), ("b", 10L, 15L, "z")],
            restored.FindSessions(null, null, 0, long.MaxValue).ToList().Select(e => (e.Key.Key, e.Key.Window.StartMs, e.Key.Window.EndMs, e.Value)));
    }

    [Fact]
    public void A_cached_session_aggregation_restored_from_its_changelog_merges_its_restored_sessions_as_the_original_does()
    {
        var sessionKeys = WindowedSerdes.SessionWindowed(Serdes.String());
        var builder = new StreamsBuilder();
        builder.Stream(Input, Consumed.With(Serdes.String(), Serdes.String())).FlatMapValues(values => values.Split(',')).GroupByKey()
            .WindowedBy(SessionWindows.OfInactivityGapAndGrace(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100)))
            .Aggregate(() => "", (_, value, tags) => tags + value, (_, left, right) => left + right, materialized: Materialized.As<string, string>("sessions"))
            .ToStream()
            .To(Output, Produced.With(sessionKeys, Serdes.String()));
        var topology = builder.Build();
        using var driver = Drive(topology, ("a", "x", 0), ("a", "y", 30));
        var output = driver.CreateOutputTopic(Output, sessionKeys, Serdes.String());
        output.ReadRecordsToList();

        // The restored sessions are in the store only, with a cache as large as the driver's: p merges them (cached
        // removes hiding them), q extends the cached merged session.
        var restored = Restore(topology, driver, Config().CacheMaxBytesBuffering);
        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("a", "p,q", 15);
        restored.Process(Input, "a", "p,q", 15);

        var expected = output.ReadRecordsToList().Select(r => (r.Key.Window.StartMs, r.Key.Window.EndMs, (string?)r.Value)).ToList();
        Assert.Equal([(0L, 0L, null), (30L, 30L, null), (0L, 30L, "xypq")], expected);
        Assert.Equal(
            expected,
            restored.Produced.Where(r => r.Topic == Output).Select(r =>
            {
                var session = sessionKeys.Deserializer.Deserialize(r.Key, false, default);
                return (session.Window.StartMs, session.Window.EndMs, r.Value is null ? null : Serdes.String().Deserializer.Deserialize(r.Value, false, default));
            }));
    }

    [Fact]
    public void A_suppressed_count_restored_from_its_changelogs_emits_what_the_original_emits()
    {
        var topology = SuppressTests.SuppressedCounts(
            Suppressed.UntilTimeLimit<string>(TimeSpan.FromMilliseconds(10), BufferConfig.Unbounded()));
        using var driver = Drive(topology, ("a", "x", 0), ("b", "x", 3), ("a", "x", 10), ("c", "x", 12), ("b", "x", 12));
        var restored = Restore(topology, driver);
        Assert.Equal(2, driver.ProducedTopicNames.Count(IsChangelog));
        Assert.Equal([("a", 2L, 10L)], SuppressTests.Counts(driver).ReadAll().Select(e => (e.Key, e.Value, e.Timestamp!.Value)));

        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("b", "x", 1000);
        restored.Process("input", "b", "x", 1000);

        var expected = SuppressTests.Counts(driver).ReadAll();
        var emitted = restored.Produced.Where(r => r.Topic == "output")
            .Select(r => (Serdes.String().Deserializer.Deserialize(r.Key, false, default), Serdes.Int64().Deserializer.Deserialize(r.Value, false, default), (long?)r.Timestamp));
        // b's third count joins its buffered update (buffered at 3, before c), which needs the restored count store.
        Assert.Equal([("b", 3L, 1000L), ("c", 1L, 12L)], expected.Select(e => (e.Key, e.Value, e.Timestamp!.Value)));
        Assert.Equal(expected, emitted);
    }

    public void Dispose()
    {
        _restored?.Task.Close(clean: false);
        _directory.Dispose();
        _root.Dispose();
    }

    private static TopologyTestDriver Drive(Topology topology, params (string Key, string Value, long Timestamp)[] records)
    {
        var driver = new TopologyTestDriver(topology, Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        foreach (var (key, value, timestamp) in records)
        {
            input.PipeInput(key, value, timestamp);
        }

        return driver;
    }

    /// <summary>A fresh task of the topology whose stores got every changelog record the driver's task wrote.</summary>
    private TaskHarness Restore(Topology topology, TopologyTestDriver driver, long cacheMaxBytes = 0)
    {
        _restored = new TaskHarness(topology, Config(), _directory, cacheMaxBytes: cacheMaxBytes);
        _restored.Task.InitializeStateStores();
        foreach (var changelog in driver.ProducedTopicNames.Where(IsChangelog))
        {
            var records = driver.CreateOutputTopic(changelog, Serdes.ByteArray(), Serdes.ByteArray()).ReadRecordsToList()
                .Select(r => new ChangelogRecord(r.Key, r.Value, r.Timestamp!.Value))
                .ToList();
            _restored.Restore(changelog, records);
        }

        _restored.Task.CompleteRestoration();
        return _restored;
    }

    private static bool IsChangelog(string topic) => topic.EndsWith("-changelog", StringComparison.Ordinal);

    private static List<KeyValue<TKey, TValue>> All<TKey, TValue>(IReadOnlyKeyValueStore<TKey, TValue> store)
    {
        return store.All().ToList();
    }

    private static List<KeyValue<Windowed<TKey>, TValue>> All<TKey, TValue>(IReadOnlyWindowStore<TKey, TValue> store)
    {
        return store.All().ToList();
    }

    private static KeyValue<string, TValue> KeyValuePair<TValue>(string key, TValue value) => new(key, value);
}
