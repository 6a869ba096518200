using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Restores a stream thread's tasks from their changelogs before they process (Kafka Streams' changelog reader).
/// It owns the thread's restore consumer (see <see cref="ClientConfigs.AssignedConsumer"/>), which it assigns manually to the
/// changelog partitions still to restore. <see cref="Restore"/> does one bounded step: one poll of up to
/// <c>maxRecordsPerStep</c> records, applied per changelog partition in one restore call each. A task whose
/// changelogs are all restored (or empty) is in <see cref="CompletedTasks"/>; the thread then calls
/// <see cref="StreamTask.CompleteRestoration"/>. Used by one thread.
/// <para>
/// A changelog is restored up to its end offset (the high watermark) as of registration, never only to what the
/// restore consumer can read then: under exactly-once that consumer reads committed records only, and a transaction
/// left open by a crashed instance holds its view back at the last stable offset, below transactions that other
/// instances committed since. Restoration then waits until that transaction is aborted (fenced by the restarted
/// instance, or timed out by the broker) and the committed records behind it are read (decision 0020).
/// </para>
/// </summary>
internal sealed class StoreChangelogReader : IDisposable
{
    /// <summary>Records per step unless told otherwise: large batches make RocksDB restoration fast.</summary>
    public const int DefaultMaxRecordsPerStep = 10_000;

    /// <summary>How long a step waits for the first record unless told otherwise.</summary>
    public static readonly TimeSpan DefaultPollTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>How long registration waits for a changelog's offsets from the broker.</summary>
    public static readonly TimeSpan WatermarkTimeout = TimeSpan.FromSeconds(30);

    private readonly IConsumer<byte[]?, byte[]?> _consumer;
    private readonly ChangelogOffsetReader _offsets;
    private readonly StreamsMetrics _metrics;
    private readonly string _threadId;
    private readonly ILogger _log;
    private readonly int _maxRecordsPerStep;
    private readonly TimeSpan _pollTimeout;
    private readonly Dictionary<TaskId, List<ChangelogRestoration>> _pendingByTask = [];
    private readonly Dictionary<TopicPartition, ChangelogRestoration> _active = [];
    private readonly HashSet<TaskId> _completed = [];
    private readonly Lock _storeLock;
    private readonly Func<string, bool> _keepsEveryKey;

    /// <param name="consumer">The restore consumer, which the reader owns.</param>
    /// <param name="metrics">Where restoration is measured.</param>
    /// <param name="threadId">The thread's name, a tag of the metrics.</param>
    /// <param name="log">Where restorations are logged.</param>
    /// <param name="offsets">Reads the changelogs' offsets; the reader owns it.</param>
    /// <param name="maxRecordsPerStep">Records applied per <see cref="Restore"/> step at most.</param>
    /// <param name="pollTimeout">How long a step waits for its first record.</param>
    /// <param name="storeLock">The thread's store lock, held while records reach the stores.</param>
    /// <param name="keepsEveryKey">
    /// Whether a changelog topic must keep every key (compaction only, no retention), so that a log start past
    /// where restoration should begin means lost data, which is logged as an error; null: none is known to.
    /// </param>
    public StoreChangelogReader(
        IConsumer<byte[]?, byte[]?> consumer, StreamsMetrics metrics, string threadId, ILogger log,
        ChangelogOffsetReader offsets, int maxRecordsPerStep = DefaultMaxRecordsPerStep, TimeSpan? pollTimeout = null, Lock? storeLock = null,
        Func<string, bool>? keepsEveryKey = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordsPerStep, 1);
        _keepsEveryKey = keepsEveryKey ?? (_ => false);
        _consumer = consumer;
        _offsets = offsets;
        _metrics = metrics;
        _threadId = threadId;
        _log = log;
        _maxRecordsPerStep = maxRecordsPerStep;
        _pollTimeout = pollTimeout ?? DefaultPollTimeout;
        _storeLock = storeLock ?? new Lock();
    }

    /// <summary>
    /// Registered tasks whose changelogs are all restored; a task stays here until it is unregistered, so the thread
    /// completes those not yet running (<see cref="StreamTask.IsRunning"/>). A live view: unregister after iterating.
    /// </summary>
    public IReadOnlyCollection<TaskId> CompletedTasks => _completed;

    /// <summary>Each changelog partition's end offset now (the high watermark), to check checkpoints against.</summary>
    /// <exception cref="ChangelogOffsetsUnavailableException">The offsets cannot be read.</exception>
    public IReadOnlyDictionary<TopicPartition, long> EndOffsets(TaskId taskId, IReadOnlyCollection<TopicPartition> changelogs) =>
        _offsets.EndOffsets(taskId, changelogs);

    /// <summary>
    /// Registers a task whose stores are open (<see cref="StreamTask.InitializeStateStores"/>): reads each changelog's
    /// offsets and starts restoring from the checkpoint (or the beginning) to the end offset of now. A task with
    /// nothing to restore is complete at once.
    /// </summary>
    /// <exception cref="ChangelogOffsetsUnavailableException">A changelog's offsets cannot be read (a missing topic, an unreachable broker).</exception>
    public void Register(ProcessorStateManager stateManager)
    {
        var taskId = stateManager.TaskId;
        if (_pendingByTask.ContainsKey(taskId))
        {
            throw new InvalidOperationException($"Task {taskId} is already registered for restoration");
        }

        var metrics = new RestoreMetrics(_metrics, _threadId, taskId);
        var starts = stateManager.ChangelogStartOffsets();
        var offsets = _offsets.Read(taskId, [.. starts.Select(s => s.TopicPartition)]);
        var pending = new List<ChangelogRestoration>();
        foreach (var start in starts)
        {
            var changelog = offsets[start.TopicPartition];

            // Retention may have deleted the checkpointed offset's successors: start at the first one left.
            var wanted = start.Offset == Offset.Beginning ? 0 : start.Offset.Value;
            var from = Math.Max(wanted, changelog.First);
            if (from > wanted && _keepsEveryKey(start.TopicPartition.Topic))
            {
                _log.ChangelogTruncated(
                    taskId, start.TopicPartition.Topic, start.TopicPartition.Partition.Value, stateManager.StoreOf(start.TopicPartition),
                    changelog.First, wanted, from - wanted);
                metrics.Truncated.Record(from - wanted);
            }

            if (from < changelog.End)
            {
                pending.Add(new ChangelogRestoration(stateManager, start.TopicPartition, from, changelog.End, changelog.Stable, metrics, _log));
            }
        }

        _pendingByTask.Add(taskId, pending);
        if (pending.Count == 0)
        {
            _completed.Add(taskId);
            return;
        }

        foreach (var changelog in pending)
        {
            _active.Add(changelog.Partition, changelog);
            changelog.Start();
            _log.RestoreStarting(
                taskId, changelog.Partition.Topic, changelog.Partition.Partition.Value, changelog.Position, changelog.EndOffset);
            if (changelog.WaitsForTransaction)
            {
                _log.RestoreWaitsForOpenTransaction(
                    taskId, changelog.Partition.Topic, changelog.Partition.Partition.Value, changelog.StableOffset, changelog.EndOffset);
            }
        }

        _consumer.IncrementalAssign(pending.Select(c => new TopicPartitionOffset(c.Partition, c.Position)));
    }

    /// <summary>Forgets a task (closed, or revoked while restoring) and stops reading its changelogs.</summary>
    public void Unregister(TaskId taskId)
    {
        _completed.Remove(taskId);
        if (!_pendingByTask.Remove(taskId, out var pending) || pending.Count == 0)
        {
            return;
        }

        foreach (var changelog in pending)
        {
            _active.Remove(changelog.Partition);
            changelog.Abandon();
        }

        _consumer.IncrementalUnassign(pending.Select(c => c.Partition));
    }

    /// <summary>
    /// One restoration step: waits up to the poll timeout for records, reads up to the step's maximum, applies each
    /// changelog's records with one restore call, and completes the changelogs whose position reached their end.
    /// </summary>
    /// <returns>True when nothing is left to restore for any registered task.</returns>
    public bool Restore()
    {
        if (_active.Count == 0)
        {
            return true;
        }

        var timeout = _pollTimeout;
        for (var polled = 0; polled < _maxRecordsPerStep && _consumer.Consume(timeout) is { } record; polled++)
        {
            // Only the first poll waits: the rest take what the consumer has fetched already.
            timeout = TimeSpan.Zero;
            // An end-of-partition event (if the consumer reports them) carries no record: positions tell the end.
            if (!record.IsPartitionEOF && _active.TryGetValue(record.TopicPartition, out var changelog))
            {
                changelog.Add(record);
            }
        }

        var completed = new List<ChangelogRestoration>();
        foreach (var changelog in _active.Values)
        {
            // Under the thread's store lock: queries with stale stores enabled read restoring stores.
            lock (_storeLock)
            {
                changelog.ApplyBatch();
            }

            changelog.AdvanceTo(_consumer.Position(changelog.Partition).Value);
            if (changelog.IsComplete)
            {
                completed.Add(changelog);
            }
        }

        if (completed.Count > 0)
        {
            Complete(completed);
        }

        return _active.Count == 0;
    }

    /// <summary>Closes the restore consumer.</summary>
    public void Dispose()
    {
        _offsets.Dispose();
        _consumer.Close();
        _consumer.Dispose();
    }

    private void Complete(List<ChangelogRestoration> completed)
    {
        foreach (var changelog in completed)
        {
            _active.Remove(changelog.Partition);
            var taskId = changelog.StateManager.TaskId;
            _log.RestoreCompleted(
                taskId, changelog.Partition.Topic, changelog.Partition.Partition.Value, changelog.RecordsRestored,
                (long)changelog.Elapsed.TotalMilliseconds);
            var pending = _pendingByTask[taskId];
            pending.Remove(changelog);
            if (pending.Count == 0)
            {
                _completed.Add(taskId);
            }
        }

        _consumer.IncrementalUnassign(completed.Select(c => c.Partition));
    }

}
