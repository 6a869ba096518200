using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Runtime.Internal;
using StreamsApp.Streams.State;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// How a task's checkpoint follows its stores: what is written when, under each guarantee, where restoration
/// resumes, and when the task's state is wiped.
/// </summary>
public sealed class TaskCheckpointTests : IDisposable
{
    private static readonly string StoreChangelog = Changelog("s");
    private static readonly TopicPartition ChangelogPartition = new(StoreChangelog, 0);

    private readonly TempStateRoot _root = new();
    private StateDirectory _directory;
    private readonly List<TaskHarness> _tasks = [];

    public TaskCheckpointTests() => _directory = _root.Open(AppId);

    private string CheckpointPath => Path.Combine(_directory.TaskDirectory(new(0, 0)), ".checkpoint");

    [Fact]
    public void A_clean_close_checkpoints_the_last_logged_offset_and_a_restart_resumes_one_past_it()
    {
        var first = Start(ProcessingGuarantee.AtLeastOnce);
        first.Process(Input, "r", "put a 1; put b 2", 1);
        first.Process(Input, "r", "put c 3", 2);
        Close(first, clean: true);

        Assert.Equal(["0", "1", $"{StoreChangelog} 0 2"], File.ReadAllLines(CheckpointPath));
        var second = Open(ProcessingGuarantee.AtLeastOnce);
        Assert.Equal([new TopicPartitionOffset(ChangelogPartition, 3)], second.StateManager.ChangelogStartOffsets());
        Assert.Equal("3", Store(second).Get("c"));
    }

    [Fact]
    public void A_task_closed_while_restoring_checkpoints_what_it_restored()
    {
        var task = Open(ProcessingGuarantee.AtLeastOnce);
        task.Restore(StoreChangelog, [Record("a", "1"), Record("a", "2")], firstOffset: 10);

        Close(task, clean: true);

        Assert.Equal(new Dictionary<TopicPartition, long> { [ChangelogPartition] = 11 }, new OffsetCheckpoint(CheckpointPath).Read());
    }

    [Fact]
    public void In_memory_stores_are_not_checkpointed_on_disk_so_a_new_instance_restores_them_from_the_beginning()
    {
        var first = Start(ProcessingGuarantee.AtLeastOnce, persistent: false);
        first.Process(Input, "r", "put a 1", 1);
        Close(first, clean: true);

        Assert.False(File.Exists(CheckpointPath));
        _directory.Dispose();
        _directory = _root.Open(AppId);
        var second = Open(ProcessingGuarantee.AtLeastOnce, persistent: false);
        Assert.Equal([new TopicPartitionOffset(ChangelogPartition, Offset.Beginning)], second.StateManager.ChangelogStartOffsets());
        Assert.Null(Store(second).Get("a"));
    }

    [Theory]
    [InlineData(ProcessingGuarantee.AtLeastOnce)]
    [InlineData(ProcessingGuarantee.ExactlyOnceV2)]
    public void On_this_instance_in_memory_stores_parked_by_a_clean_close_resume_one_past_their_last_logged_offset(ProcessingGuarantee guarantee)
    {
        var first = Start(guarantee, persistent: false);
        first.Process(Input, "r", "put a 1; put b 2", 1);
        first.Process(Input, "r", "put c 3", 2);
        Close(first, clean: true);

        var second = Open(guarantee, persistent: false);

        Assert.Equal([new TopicPartitionOffset(ChangelogPartition, 3)], second.StateManager.ChangelogStartOffsets());
        Assert.Equal(["1", "2", "3"], new[] { "a", "b", "c" }.Select(Store(second).Get));
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(2, true)]
    public void Parked_in_memory_stores_at_or_past_the_changelogs_end_are_dropped_with_the_task_state(long endOffset, bool dropped)
    {
        var first = Start(ProcessingGuarantee.AtLeastOnce, persistent: false);
        first.Process(Input, "r", "put a 1; put b 2; put c 3", 1);
        Close(first, clean: true);
        var log = new ListLogger();

        var second = Open(ProcessingGuarantee.AtLeastOnce, persistent: false, log, changelogs => changelogs.ToDictionary(p => p, _ => endOffset));

        Assert.Equal(dropped ? null : "1", Store(second).Get("a"));
        Assert.Equal(
            [new TopicPartitionOffset(ChangelogPartition, dropped ? Offset.Beginning : new Offset(3))],
            second.StateManager.ChangelogStartOffsets());
        Assert.Equal(dropped, log.Messages.Any(m => m.Contains($"checkpointed offset 2, end offset {endOffset}", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parked_in_memory_stores_wait_for_their_task_while_the_cluster_cannot_tell_where_the_changelogs_end()
    {
        var first = Start(ProcessingGuarantee.AtLeastOnce, persistent: false);
        first.Process(Input, "r", "put a 1", 1);
        Close(first, clean: true);

        Assert.Throws<ChangelogOffsetsUnavailableException>(() => Open(
            ProcessingGuarantee.AtLeastOnce, persistent: false, endOffsets: _ => throw new ChangelogOffsetsUnavailableException("broker down", new TimeoutException("no answer"))));
        Close(_tasks.Single(), clean: false);
        var second = Open(ProcessingGuarantee.AtLeastOnce, persistent: false);

        Assert.Equal("1", Store(second).Get("a"));
        Assert.Equal([new TopicPartitionOffset(ChangelogPartition, 1)], second.StateManager.ChangelogStartOffsets());
    }

    [Fact]
    public void At_least_once_commits_checkpoint_once_more_records_than_the_threshold_were_logged()
    {
        var task = Start(ProcessingGuarantee.AtLeastOnce);
        task.Process(Input, "r", "put a 1", 1);
        Assert.False(File.Exists(CheckpointPath));

        task.Process(Input, "r", PutAll((int)StreamTask.CheckpointRecordThreshold), 2);

        Assert.Equal(StreamTask.CheckpointRecordThreshold, new OffsetCheckpoint(CheckpointPath).Read()[ChangelogPartition]);
    }

    [Fact]
    public void Exactly_once_deletes_the_checkpoint_when_processing_starts_and_writes_it_only_on_a_clean_close()
    {
        new OffsetCheckpoint(CheckpointPath).Write(new Dictionary<TopicPartition, long> { [ChangelogPartition] = 4 });
        var task = Open(ProcessingGuarantee.ExactlyOnceV2);
        Assert.Equal([new TopicPartitionOffset(ChangelogPartition, 5)], task.StateManager.ChangelogStartOffsets());
        Assert.True(File.Exists(CheckpointPath));

        task.Task.CompleteRestoration();
        Assert.False(File.Exists(CheckpointPath));
        task.Process(Input, "r", PutAll((int)StreamTask.CheckpointRecordThreshold + 1), 1);
        Assert.False(File.Exists(CheckpointPath));

        Close(task, clean: true);
        Assert.Equal(StreamTask.CheckpointRecordThreshold, new OffsetCheckpoint(CheckpointPath).Read()[ChangelogPartition]);
    }

    [Theory]
    [InlineData(ProcessingGuarantee.AtLeastOnce, "1")]
    [InlineData(ProcessingGuarantee.ExactlyOnceV2, null)]
    public void After_a_dirty_close_only_exactly_once_wipes_the_stores_before_they_open(ProcessingGuarantee guarantee, string? expected)
    {
        var first = Start(guarantee);
        first.Process(Input, "r", "put a 1", 1);
        Close(first, clean: false);

        var second = Open(guarantee);

        Assert.Equal(expected, Store(second).Get("a"));
        Assert.Equal([new TopicPartitionOffset(ChangelogPartition, Offset.Beginning)], second.StateManager.ChangelogStartOffsets());
    }

    [Fact]
    public void A_corrupt_checkpoint_wipes_the_task_state_and_restores_from_the_beginning()
    {
        var first = Start(ProcessingGuarantee.AtLeastOnce);
        first.Process(Input, "r", "put a 1", 1);
        Close(first, clean: true);
        File.WriteAllText(CheckpointPath, "0\n2\nhalf-written");

        var second = Open(ProcessingGuarantee.AtLeastOnce);

        Assert.Null(Store(second).Get("a"));
        Assert.Equal([new TopicPartitionOffset(ChangelogPartition, Offset.Beginning)], second.StateManager.ChangelogStartOffsets());
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(2, true)]
    [InlineData(0, true)]
    public void A_checkpoint_at_or_past_the_changelogs_end_wipes_the_task_state(long endOffset, bool wiped)
    {
        var first = Start(ProcessingGuarantee.AtLeastOnce);
        first.Process(Input, "r", "put a 1; put b 2; put c 3", 1);
        Close(first, clean: true);
        var log = new ListLogger();
        IReadOnlyCollection<TopicPartition>? asked = null;

        var second = Open(ProcessingGuarantee.AtLeastOnce, log: log, endOffsets: changelogs =>
        {
            asked = changelogs;
            return changelogs.ToDictionary(p => p, _ => endOffset);
        });

        Assert.Equal([ChangelogPartition], asked);
        Assert.Equal(wiped ? null : "1", Store(second).Get("a"));
        Assert.Equal(
            [new TopicPartitionOffset(ChangelogPartition, wiped ? Offset.Beginning : new Offset(3))],
            second.StateManager.ChangelogStartOffsets());
        if (wiped)
        {
            var warning = Assert.Single(log.Messages);
            Assert.Contains("Task 0_0", warning, StringComparison.Ordinal);
            Assert.Contains($"checkpointed offset 2, end offset {endOffset}", warning, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(log.Messages);
        }
    }

    [Fact]
    public void A_task_processes_only_after_its_restoration_completed()
    {
        var task = Open(ProcessingGuarantee.AtLeastOnce);

        Assert.Throws<InvalidOperationException>(() => task.Task.Process());
        task.Task.CompleteRestoration();
        Assert.False(task.Task.Process());
        Assert.Throws<InvalidOperationException>(task.Task.CompleteRestoration);
    }

    public void Dispose()
    {
        foreach (var task in _tasks.ToList())
        {
            Close(task, clean: false);
        }

        _directory.Dispose();
        _root.Dispose();
    }

    /// <summary>A task of a scripted RocksDB (or in-memory) store "s" with its stores open, still restoring.</summary>
    private TaskHarness Open(
        ProcessingGuarantee guarantee, bool persistent = true, ListLogger? log = null,
        Func<IReadOnlyCollection<TopicPartition>, IReadOnlyDictionary<TopicPartition, long>>? endOffsets = null)
    {
        var config = Config();
        config.ProcessingGuarantee = guarantee;
        var task = new TaskHarness(Scripted(KeyValue("s", persistent: persistent)), config, _directory, log: log);
        _tasks.Add(task);
        task.Task.InitializeStateStores(endOffsets);
        return task;
    }

    private TaskHarness Start(ProcessingGuarantee guarantee, bool persistent = true)
    {
        var task = Open(guarantee, persistent);
        task.Task.CompleteRestoration();
        return task;
    }

    private void Close(TaskHarness task, bool clean)
    {
        _tasks.Remove(task);
        task.Task.Close(clean);
    }

    private static IKeyValueStore<string, string> Store(TaskHarness task) => task.Store<IKeyValueStore<string, string>>("s");

    private static ChangelogRecord Record(string key, string value) => new(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value), 0);

    /// <summary>A script that puts <paramref name="count"/> keys, each logged as one changelog record.</summary>
    private static string PutAll(int count) => "putall " + string.Join(' ', Enumerable.Range(0, count).Select(i => $"k{i} v"));
}
