using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Segmented;
using static StreamsApp.Streams.Tests.Runtime.RestoreScenario;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// Changelogs that were tampered with or truncated, on the embedded cluster: a record the store cannot take is
/// skipped with an error and counted, the rest restored; offsets deleted from a changelog that must keep every key
/// are an error naming the task, the store and how many are missing.
/// </summary>
public sealed class ChangelogFaultTests
{
    private static readonly TaskId Task0 = new(0, 0);

    [Fact]
    public void A_record_without_a_key_is_skipped_and_the_rest_restored()
    {
        using var scenario = new RestoreScenario(AppId);
        scenario.Cluster.CreateTopic(Changelog("s"), 1);
        scenario.Produce(Changelog("s"), 0, [(Bytes("a"), Bytes("1"), 0L), (null!, Bytes("x"), 0L), (Bytes("b"), Bytes("2"), 0L)]);

        var task = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)));
        scenario.RestoreUntilComplete(task);

        Assert.Equal([KeyValue.Pair("a", "1"), KeyValue.Pair("b", "2")], task.Store<IKeyValueStore<string, string>>("s").All().ToList());
        Assert.Equal(1, scenario.Sensor("restore-skipped-records-total", Task0).Sum);
        Assert.Contains(scenario.Log.Messages, m => m.Contains("offset 1 of changelog", StringComparison.Ordinal) && m.Contains("no key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_window_key_too_short_for_its_timestamp_is_skipped_and_the_rest_restored()
    {
        using var scenario = new RestoreScenario(AppId);
        var supplier = Stores.PersistentWindowStore("w", TimeSpan.FromDays(1), TimeSpan.FromMilliseconds(10), retainDuplicates: false);
        var topology = With(Stores.WindowStoreBuilder(supplier, Serdes.String(), Serdes.String()), (_, _, _) => { });
        scenario.Cluster.CreateTopic(Changelog("w"), 1);
        scenario.Produce(Changelog("w"), 0,
        [
            (WindowKeySchema.ToStoreKeyBinary(Bytes("a"), 100, 0), Bytes("1"), 100L),
            (Bytes("bad"), Bytes("garbage"), 100L),
            (WindowKeySchema.ToStoreKeyBinary(Bytes("b"), 110, 0), Bytes("2"), 110L),
        ]);

        var task = scenario.OpenAndRegister(topology);
        scenario.RestoreUntilComplete(task);

        Assert.Equal([("a", 100L, "1"), ("b", 110L, "2")], task.Store<IWindowStore<string, string>>("w").All().ToList().Select(w => (w.Key.Key, w.Key.Window.StartMs, w.Value)));
        Assert.Equal(1, scenario.Sensor("restore-skipped-records-total", Task0).Sum);
        Assert.Equal(2, scenario.Sensor("restore-total", Task0).Sum);
    }

    [Fact]
    public void A_changelog_that_lost_its_oldest_records_is_an_error_naming_the_missing_offsets()
    {
        using var scenario = new RestoreScenario(AppId, keepsEveryKey: topic => topic == Changelog("s"));
        scenario.Cluster.CreateTopic(Changelog("s"), 1);

        // The embedded cluster keeps 5 MiB per partition and drops the oldest batches beyond: 24 records of 256 KiB.
        var value = new byte[256 * 1024];
        foreach (var i in Enumerable.Range(0, 24))
        {
            scenario.Produce(Changelog("s"), 0, [(Bytes($"k{i:D2}"), value, 0L)]);
        }

        var task = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)));
        scenario.RestoreUntilComplete(task);

        var missing = (long)scenario.Sensor("restore-missing-records-total", Task0).Sum;
        Assert.InRange(missing, 1, 23);
        Assert.Equal(24 - missing, scenario.Sensor("restore-total", Task0).Sum);
        Assert.Contains(scenario.Log.Messages, m =>
            m.Contains("Task 0_0", StringComparison.Ordinal) && m.Contains("of store s", StringComparison.Ordinal)
            && m.Contains($"{missing} offsets were deleted", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changelog_with_retention_that_deleted_old_records_is_not_an_error()
    {
        using var scenario = new RestoreScenario(AppId, keepsEveryKey: _ => false);
        scenario.Cluster.CreateTopic(Changelog("s"), 1);
        var value = new byte[256 * 1024];
        foreach (var i in Enumerable.Range(0, 24))
        {
            scenario.Produce(Changelog("s"), 0, [(Bytes($"k{i:D2}"), value, 0L)]);
        }

        var task = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)));
        scenario.RestoreUntilComplete(task);

        Assert.Equal(0, scenario.Sensor("restore-missing-records-total", Task0).Sum);
        Assert.DoesNotContain(scenario.Log.Messages, m => m.Contains("were deleted", StringComparison.Ordinal));
    }

    [Fact]
    public void Key_value_changelogs_must_keep_every_key_and_window_changelogs_need_not()
    {
        var window = Stores.WindowStoreBuilder(
            Stores.PersistentWindowStore("w", TimeSpan.FromDays(1), TimeSpan.FromMilliseconds(10), retainDuplicates: false), Serdes.String(), Serdes.String());
        var topology = Scripted(KeyValue("s", persistent: true)).AddStateStore(window, "proc");
        var metadata = new StreamsApp.Streams.Runtime.Internal.TopologyMetadata(
            topology.Builder, AppId, new Dictionary<string, int>(), new Dictionary<int, int>());

        Assert.True(metadata.KeepsEveryKey(Changelog("s")));
        Assert.False(metadata.KeepsEveryKey(Changelog("w")));
        Assert.False(metadata.KeepsEveryKey("some-other-topic"));
    }
}
