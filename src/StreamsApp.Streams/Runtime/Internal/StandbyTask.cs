using Confluent.Kafka;
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

    /// <param name="task">The task's stores, opened (<see cref="StreamTask.InitializeStateStores"/>) but never run.</param>
    public StandbyTask(StreamTask task) => _task = task;

    public TaskId Id => _task.Id;

    /// <summary>The task, for interactive queries of stale stores; it is never <see cref="StreamTask.IsRunning"/>.</summary>
    public StreamTask Task => _task;

    /// <summary>The changelogs followed, each with its position.</summary>
    public IReadOnlyCollection<ChangelogRestoration> Changelogs => _changelogs.Values;

    /// <summary>Starts following a changelog partition, from the position the restoration starts at.</summary>
    public void Follow(ChangelogRestoration changelog) => _changelogs.Add(changelog.Partition, changelog);

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
