using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A standby replica of a task owned by another instance (Kafka Streams' <c>StandbyTask</c>): the task's stores,
/// opened as for restoration, that follow its changelogs without end and never process. Its checkpoint records
/// how far it got, so that this instance, when it takes the task over, restores only the records after it.
/// </summary>
internal sealed class StandbyTask
{
    private readonly StreamTask _task;
    private readonly Dictionary<TopicPartition, ChangelogRestoration> _changelogs = [];

    private StandbyTask(StreamTask task) => _task = task;

    /// <summary>A standby of <paramref name="task"/> following each of its changelogs from its checkpoint, or the first offset left.</summary>
    /// <param name="task">The task's stores, opened (<see cref="StreamTask.InitializeStateStores"/>) but never run.</param>
    /// <param name="offsets">Reads where the changelogs begin.</param>
    /// <param name="metrics">Counts the records applied.</param>
    /// <param name="log">Where skipped records are logged.</param>
    /// <exception cref="ChangelogOffsetsUnavailableException">A changelog's offsets cannot be read.</exception>
    public static StandbyTask Follow(StreamTask task, ChangelogOffsetReader offsets, RestoreMetrics metrics, ILogger log)
    {
        var standby = new StandbyTask(task);
        var starts = task.StateManager.ChangelogStartOffsets();
        var first = offsets.Read(task.Id, [.. starts.Select(s => s.TopicPartition)]);
        foreach (var start in starts)
        {
            // Retention may have deleted what follows the checkpoint: start at the first offset left.
            var from = Math.Max(start.Offset == Offset.Beginning ? 0 : start.Offset.Value, first[start.TopicPartition].First);
            var changelog = new ChangelogRestoration(
                task.StateManager, start.TopicPartition, from, ChangelogRestoration.Unbounded, ChangelogRestoration.Unbounded, metrics, log);
            standby._changelogs.Add(changelog.Partition, changelog);
        }

        return standby;
    }

    public TaskId Id => _task.Id;

    /// <summary>The task, for interactive queries of stale stores; it is never <see cref="StreamTask.IsRunning"/>.</summary>
    public StreamTask Task => _task;

    /// <summary>The changelogs followed, each with its position.</summary>
    public IReadOnlyCollection<ChangelogRestoration> Changelogs => _changelogs.Values;

    /// <summary>Buffers a record of one of the task's changelogs for the next <see cref="Apply"/>.</summary>
    public void Add(ConsumeResult<byte[]?, byte[]?> record) => _changelogs[record.TopicPartition].Add(record);

    /// <summary>Applies the buffered records, under <paramref name="storeLock"/>, and moves each changelog to the consumer's position.</summary>
    public void Apply(Lock storeLock, Func<TopicPartition, long> position)
    {
        foreach (var changelog in _changelogs.Values)
        {
            lock (storeLock)
            {
                changelog.ApplyBatch();
            }

            changelog.AdvanceTo(position(changelog.Partition));
        }
    }

    /// <summary>Flushes the stores and writes the checkpoint once enough changelog records arrived since the last one.</summary>
    public void MaybeCheckpoint()
    {
        if (_task.StateManager.RecordsSinceCheckpoint() > StreamTask.CheckpointRecordThreshold)
        {
            _task.PostCommit(enforceCheckpoint: true);
        }
    }

    /// <summary>Closes the stores: cleanly with a checkpoint of the positions reached, or dirty (after a failure).</summary>
    public void Close(bool clean) => _task.Close(clean);
}
