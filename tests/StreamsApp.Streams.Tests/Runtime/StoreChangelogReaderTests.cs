using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Segmented;
using static StreamsApp.Streams.Tests.Runtime.RestoreScenario;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>Restoration of tasks' stores from changelogs on the embedded cluster, through a real restore consumer.</summary>
public sealed class StoreChangelogReaderTests
{
    private static readonly TaskId Task0 = new(0, 0);

    [Fact]
    public void A_rocksdb_store_is_restored_from_the_beginning_of_its_changelog()
    {
        using var scenario = new RestoreScenario(AppId);
        scenario.Cluster.CreateTopic(Changelog("s"), 1);
        scenario.Produce(Changelog("s"), 0, ("a", "1"), ("b", "2"), ("a", "3"), ("b", null), ("c", "4"));

        var task = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)));
        scenario.RestoreUntilComplete(task);

        Assert.Equal([KeyValue.Pair("a", "3"), KeyValue.Pair("c", "4")], All(task));
        Assert.Equal(5, scenario.Sensor("restore-total", Task0).Sum);
        Assert.Equal(0, scenario.Sensor("restore-remaining-records-total", Task0).Sum);
        Assert.Equal(5, scenario.Sensor("restore-remaining-records-total", Task0).Max);
        Assert.Equal(new TopicPartitionOffset(Changelog("s"), 0, 5), Assert.Single(task.StateManager.ChangelogStartOffsets()));
    }

    [Fact]
    public void A_timestamped_window_store_is_restored_with_its_timestamps()
    {
        using var scenario = new RestoreScenario(AppId);
        var supplier = Stores.PersistentTimestampedWindowStore("w", TimeSpan.FromDays(1), TimeSpan.FromMilliseconds(10), retainDuplicates: false);
        var topology = With(Stores.TimestampedWindowStoreBuilder(supplier, Serdes.String(), Serdes.String()), (_, _, _) => { });
        scenario.Cluster.CreateTopic(Changelog("w"), 1);
        scenario.Produce(Changelog("w"), 0,
        [
            (WindowKeySchema.ToStoreKeyBinary(Bytes("a"), 100, 0), Bytes("1"), 101),
            (WindowKeySchema.ToStoreKeyBinary(Bytes("a"), 110, 0), Bytes("2"), 115),
            (WindowKeySchema.ToStoreKeyBinary(Bytes("a"), 100, 0), Bytes("3"), 109),
        ]);

        var task = scenario.OpenAndRegister(topology);
        scenario.RestoreUntilComplete(task);

        Assert.Equal(
            [("a", 100L, "3", 109L), ("a", 110L, "2", 115L)],
            task.Store<ITimestampedWindowStore<string, string>>("w").All().ToList().Select(w => (w.Key.Key, w.Key.Window.StartMs, w.Value.Value, w.Value.Timestamp)));
    }

    [Fact]
    public void From_a_valid_checkpoint_only_the_records_after_the_checkpointed_offset_are_restored()
    {
        using var scenario = new RestoreScenario(AppId);
        scenario.Cluster.CreateTopic(Changelog("s"), 1);
        scenario.Produce(Changelog("s"), 0, ("a", "before"), ("b", "at-checkpoint"), ("c", "after"), ("a", "after"));
        var checkpoint = Path.Combine(scenario.Directory.TaskDirectory(Task0), OffsetCheckpoint.FileName);
        new OffsetCheckpoint(checkpoint).Write(new Dictionary<TopicPartition, long> { [new(Changelog("s"), 0)] = 1 });

        var task = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)));
        scenario.RestoreUntilComplete(task);

        // Records 0 and 1 are in the store by the checkpoint's word (here: it is empty), so they are not replayed.
        Assert.Equal([KeyValue.Pair("a", "after"), KeyValue.Pair("c", "after")], All(task));
        Assert.Equal(2, scenario.Sensor("restore-total", Task0).Sum);
    }

    [Fact]
    public void After_a_clean_close_a_restart_restores_only_what_was_logged_since_and_logs_its_progress()
    {
        using var scenario = new RestoreScenario(AppId);
        scenario.Cluster.CreateTopic(Changelog("s"), 1);
        scenario.Produce(Changelog("s"), 0, ("a", "1"), ("b", "2"), ("c", "3"));
        var first = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)));
        scenario.RestoreUntilComplete(first);
        scenario.Close(first, clean: true);

        scenario.Produce(Changelog("s"), 0, ("a", "new"), ("b", null));
        var second = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)));
        scenario.RestoreUntilComplete(second);

        Assert.Equal([KeyValue.Pair("a", "new"), KeyValue.Pair("c", "3")], All(second));
        Assert.Equal(5, scenario.Sensor("restore-total", Task0).Sum);
        var changelog = $"{Changelog("s")}-0";
        Assert.Equal(
            [
                $"Task 0_0: restoring changelog {changelog} from offset 0 to end offset 3",
                $"Task 0_0: restoring changelog {changelog} from offset 3 to end offset 5",
            ],
            scenario.Log.Messages.Where(m => m.Contains("restoring", StringComparison.Ordinal)));
        Assert.Equal(
            [$"restored changelog {changelog}, 3 records", $"restored changelog {changelog}, 2 records"],
            scenario.Log.Messages.Where(m => m.Contains("restored", StringComparison.Ordinal)).Select(m => m[(m.IndexOf("restored", StringComparison.Ordinal))..m.IndexOf(" in ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void A_changelog_written_in_transactions_completes_after_its_last_record()
    {
        using var scenario = new RestoreScenario(AppId);
        scenario.Cluster.CreateTopic(Changelog("s"), 1);
        using (var producer = new ProducerBuilder<string, string>(
            new ProducerConfig { BootstrapServers = scenario.Cluster.BootstrapServers, TransactionalId = "changelog-writer" }).Build())
        {
            producer.InitTransactions(RestoreScenario.Timeout);
            producer.BeginTransaction();
            producer.Produce(new TopicPartition(Changelog("s"), 0), new Message<string, string> { Key = "a", Value = "1" });
            producer.Produce(new TopicPartition(Changelog("s"), 0), new Message<string, string> { Key = "b", Value = "2" });
            producer.CommitTransaction(RestoreScenario.Timeout);
        }

        var task = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)));
        scenario.RestoreUntilComplete(task);

        Assert.Equal([KeyValue.Pair("a", "1"), KeyValue.Pair("b", "2")], All(task));

        // The commit marker takes offset 2: the end offset is 3, one past the last record's.
        Assert.Equal(3, scenario.Sensor("restore-remaining-records-total", Task0).Max);
    }

    [Fact]
    public void Records_written_after_registration_are_not_restored()
    {
        using var scenario = new RestoreScenario(AppId);
        scenario.Cluster.CreateTopic(Changelog("s"), 1);
        scenario.Produce(Changelog("s"), 0, ("a", "1"), ("b", "2"));
        var task = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)));

        // As from an instance that still thinks it owns the task: not part of the state handed over.
        scenario.Produce(Changelog("s"), 0, ("a", "late"), ("c", "late"));
        scenario.RestoreUntilComplete(task);

        Assert.Equal([KeyValue.Pair("a", "1"), KeyValue.Pair("b", "2")], All(task));
        Assert.Equal(2, scenario.Sensor("restore-total", Task0).Sum);
    }

    [Fact]
    public void A_missing_changelog_topic_fails_registration_naming_it()
    {
        using var scenario = new RestoreScenario(AppId);

        var error = Assert.Throws<StreamsException>(() => scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true))));

        Assert.Contains(Changelog("s"), error.Message, StringComparison.Ordinal);
        Assert.Contains("0_0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tasks_restore_at_once_each_from_its_own_changelog_partition()
    {
        using var scenario = new RestoreScenario(AppId, maxRecordsPerStep: 3);
        scenario.Cluster.CreateTopic(Changelog("s"), 2);
        scenario.Produce(Changelog("s"), 0, [.. Enumerable.Range(0, 10).Select(i => ($"p0-{i}", (string?)"0"))]);
        scenario.Produce(Changelog("s"), 1, [.. Enumerable.Range(0, 10).Select(i => ($"p1-{i}", (string?)"1"))]);

        var first = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)), new TaskId(0, 0));
        var second = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)), new TaskId(0, 1));
        var steps = scenario.RestoreUntilComplete(first, second);

        Assert.True(steps >= 7, $"20 records in steps of at most 3 took {steps} steps");
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"p0-{i}").Order(), All(first).Select(e => e.Key));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"p1-{i}").Order(), All(second).Select(e => e.Key));
    }

    [Fact]
    public void A_task_with_an_empty_changelog_or_no_logged_store_completes_at_registration()
    {
        using var scenario = new RestoreScenario(AppId);
        scenario.Cluster.CreateTopic(Changelog("s"), 1);

        var empty = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)));
        var unlogged = scenario.OpenAndRegister(Scripted(KeyValue("u", logging: false)), new TaskId(0, 1));

        Assert.Equal([empty.Task.Id, unlogged.Task.Id], scenario.Reader.CompletedTasks.Order());
        Assert.True(scenario.Reader.Restore());
    }

    [Fact]
    public void A_large_changelog_is_restored_in_several_batches()
    {
        using var scenario = new RestoreScenario(AppId);
        scenario.Cluster.CreateTopic(Changelog("s"), 1);
        scenario.Produce(Changelog("s"), 0, Enumerable.Range(0, 50_000).Select(i => (Bytes($"k{i % 10_000}"), (byte[]?)Bytes($"{i}"), 0L)));

        var task = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)));
        scenario.RestoreUntilComplete(task);

        var restored = scenario.Sensor("restore-total", Task0);
        Assert.Equal(50_000, restored.Sum);
        Assert.True(restored.Count > 1, $"{restored.Count} batch(es)");
        Assert.True(restored.Max <= StoreChangelogReader.DefaultMaxRecordsPerStep);
        var all = All(task);
        Assert.Equal(10_000, all.Count);
        Assert.Equal("40123", all.Single(e => e.Key == "k123").Value);
    }

    [Fact]
    public void An_unregistered_task_stops_restoring_and_leaves_nothing_remaining()
    {
        using var scenario = new RestoreScenario(AppId, maxRecordsPerStep: 2);
        scenario.Cluster.CreateTopic(Changelog("s"), 1);
        scenario.Produce(Changelog("s"), 0, [.. Enumerable.Range(0, 10).Select(i => ($"k{i}", (string?)"v"))]);
        var task = scenario.OpenAndRegister(Scripted(KeyValue("s", persistent: true)));
        var deadline = DateTime.UtcNow + RestoreScenario.Timeout;
        while (scenario.Sensor("restore-total", Task0).Sum == 0)
        {
            Assert.True(DateTime.UtcNow < deadline);
            scenario.Reader.Restore();
        }

        scenario.Reader.Unregister(Task0);

        Assert.Empty(scenario.Reader.CompletedTasks);
        Assert.True(scenario.Reader.Restore());
        Assert.Equal(0, scenario.Sensor("restore-remaining-records-total", Task0).Sum);
        Assert.True(scenario.Sensor("restore-total", Task0).Sum < 10);
        Assert.False(task.Task.IsRunning);
    }

    private static List<KeyValue<string, string>> All(TaskHarness task)
    {
        return task.Store<IKeyValueStore<string, string>>("s").All().ToList();
    }
}
