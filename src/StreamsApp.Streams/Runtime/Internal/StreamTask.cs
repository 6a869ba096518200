using Confluent.Kafka;
using StreamsApp.Streams.Diagnostics.Internal;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// One sub-topology working on one partition number: buffers the records of its input partitions, processes them
/// in timestamp order through its nodes, runs punctuators, and flushes its stores and output on commit. Its life:
/// <see cref="InitializeStateStores"/>, restoration by the <see cref="StoreChangelogReader"/>,
/// <see cref="CompleteRestoration"/>, then processing and commits, then <see cref="Close"/>. Everything that touches its
/// stores runs under <see cref="StoreLock"/>, which interactive queries take to read them from other threads.
/// </summary>
internal sealed class StreamTask
{
    private readonly ProcessorTopology _topology;
    private readonly TaskContext _context;
    private readonly PartitionGroup _partitions;
    private readonly List<State.IStateStore> _stores = [];

    // The id as spans tag it, made once rather than per record.
    private readonly string _idText;
    private bool _storesOpen;

    /// <summary>Changelog records after which a commit also flushes the stores (Kafka Streams' offset delta threshold).</summary>
    public const long CheckpointRecordThreshold = 10_000;

    /// <param name="topology">The sub-topology's processors and stores.</param>
    /// <param name="context">The task's context.</param>
    /// <param name="stateManager">The registry the context's stores register with, which checkpoints and restores them.</param>
    /// <param name="storeLock">The lock of the thread running the task, shared by its tasks; null: the task's own.</param>
    public StreamTask(ProcessorTopology topology, TaskContext context, ProcessorStateManager stateManager, Lock? storeLock = null)
    {
        _topology = topology;
        _context = context;
        StateManager = stateManager;
        StoreLock = storeLock ?? new Lock();
        var queues = topology.SourcesByTopic
            .Select(s => new RecordQueue(new TopicPartition(s.Key, context.TaskId.Partition), s.Value))
            .ToList();
        _partitions = new PartitionGroup(queues);
        _idText = context.TaskId.ToString();
    }

    public TaskId Id => _context.TaskId;

    /// <summary>
    /// Held while the task touches its stores (one record, one punctuation, a cache flush, restoration's end, close):
    /// uncontended it costs a few nanoseconds per record, and a query waits at most for one of those steps.
    /// </summary>
    public Lock StoreLock { get; }

    public TaskContext Context => _context;

    /// <summary>The task's stores, their changelogs and checkpoint.</summary>
    public ProcessorStateManager StateManager { get; }

    public IEnumerable<TopicPartition> InputPartitions => _partitions.Partitions;

    public bool CommitNeeded { get; private set; }

    public bool HasBufferedRecords => _partitions.BufferedCount > 0;

    public long StreamTime => _partitions.StreamTime;

    /// <summary>True once restoration completed: the nodes are initialized and the task may process.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>
    /// Opens the task's stores, which register with the state manager for restoration; the state manager first
    /// reads the checkpoint (and may wipe the task's state, see <see cref="ProcessorStateManager.LoadCheckpoint"/>).
    /// Nothing is processed until <see cref="CompleteRestoration"/>.
    /// </summary>
    /// <param name="endOffsets">Reads changelog end offsets to check the checkpoint against; null in the test driver.</param>
    public void InitializeStateStores(Func<IReadOnlyCollection<TopicPartition>, IReadOnlyDictionary<TopicPartition, long>>? endOffsets = null)
    {
        StateManager.LoadCheckpoint(endOffsets);
        _storesOpen = true;
        _topology.InitializeStores(_context, _stores);
    }

    /// <summary>
    /// Ends restoration: initializes every node, parents first (their Init may read the restored stores), and lets the
    /// task process. Under exactly-once the checkpoint is deleted first, so that a crash from now on, with stores that
    /// may hold uncommitted writes, is followed by a wipe and a full restore.
    /// </summary>
    public void CompleteRestoration()
    {
        if (!_storesOpen || IsRunning)
        {
            throw new InvalidOperationException($"Task {Id} is not restoring");
        }

        if (ExactlyOnce)
        {
            StateManager.DeleteCheckpoint();
        }

        lock (StoreLock)
        {
            _topology.InitializeNodes(_context);
            IsRunning = true;
        }
    }

    /// <summary>Opens the stores and completes restoration at once, for a task with nothing to restore (the test driver).</summary>
    public void Initialize()
    {
        InitializeStateStores();
        CompleteRestoration();
    }

    public void AddRecord(ConsumeResult<byte[]?, byte[]?> record) => _partitions.Add(record);

    /// <summary>Records buffered for one input partition (the runtime pauses fetching it when this grows too large).</summary>
    public int BufferedRecords(TopicPartition partition) => BufferedRecords(partition.Topic);

    /// <summary>Records buffered for the task's partition of one input topic.</summary>
    public int BufferedRecords(string topic) => _partitions.Buffered(topic);

    /// <summary>
    /// Drops the buffered, unprocessed records when the task's partitions are revoked: the consumer will fetch them
    /// again from the committed offsets if the task comes back, so keeping them would process them twice.
    /// </summary>
    public void ClearBuffers() => _partitions.Clear();

    /// <summary>Processes the buffered record with the smallest timestamp; false when nothing is buffered.</summary>
    /// <exception cref="InvalidOperationException">Restoration has not completed.</exception>
    public bool Process()
    {
        if (!IsRunning)
        {
            throw new InvalidOperationException($"Task {Id} cannot process before its restoration completed");
        }

        if (!_partitions.TryNext(out var queue, out var record))
        {
            return false;
        }

        _context.CurrentRecord = record.Raw;
        _context.CurrentTimestamp = record.Timestamp;
        _context.StreamTime = _partitions.StreamTime;
        using var activity = StreamsActivities.StartProcess(record.Raw, _context.ApplicationId, _idText);
        try
        {
            lock (StoreLock)
            {
                queue.Source.Process(record);
            }
        }
        catch (Exception e)
        {
            StreamsActivities.Failed(activity, e);
            throw;
        }
        finally
        {
            _context.CurrentRecord = null;
        }

        queue.LastProcessedOffset = record.Raw.Offset.Value;
        _context.Metrics.Processed.Increment();
        CommitNeeded = true;
        return true;
    }

    /// <summary>Runs the stream-time punctuators that are due; false when none was.</summary>
    public bool MaybePunctuateStreamTime() =>
        _partitions.StreamTime >= 0 && Punctuated(_context.StreamTimePunctuations.MayPunctuate(_partitions.StreamTime, Punctuate));

    /// <summary>Runs the wall-clock punctuators that are due; false when none was.</summary>
    public bool MaybePunctuateSystemTime() => Punctuated(_context.WallClockPunctuations.MayPunctuate(_context.WallClockMs, Punctuate));

    /// <summary>Flushes the stores' caches (forwarding and logging their updates) and the output, so that the task can commit.</summary>
    public void PrepareCommit()
    {
        lock (StoreLock)
        {
            foreach (var store in _stores)
            {
                (store as ICachingStateStore)?.FlushCache();
            }
        }

        _context.Collector.Flush();
    }

    /// <summary>The offsets to commit: one past the last record processed from each input partition.</summary>
    public IReadOnlyDictionary<TopicPartition, long> CommittableOffsets() =>
        _partitions.Queues.Where(q => q.LastProcessedOffset >= 0).ToDictionary(q => q.Partition, q => q.LastProcessedOffset + 1);

    /// <summary>
    /// Ends a commit: takes the changelog offsets the collector wrote, and under at-least-once flushes the stores
    /// (RocksDB memtables) and writes the checkpoint when more than <see cref="CheckpointRecordThreshold"/> changelog
    /// records arrived since the last one, as Kafka Streams does: flushing on every commit would write a table file
    /// per commit. Under exactly-once only a clean close checkpoints (see <see cref="CompleteRestoration"/>).
    /// </summary>
    /// <param name="enforceCheckpoint">Flush and checkpoint whatever the threshold and guarantee (clean close).</param>
    public void PostCommit(bool enforceCheckpoint = false)
    {
        CommitNeeded = false;
        _context.CommitRequested = false;
        var state = StateManager;
        state.UpdateChangelogOffsets(_context.Collector);
        if (enforceCheckpoint || (!ExactlyOnce && state.RecordsSinceCheckpoint() > CheckpointRecordThreshold))
        {
            lock (StoreLock)
            {
                foreach (var store in _stores)
                {
                    store.Flush();
                }
            }

            state.Checkpoint();
        }
    }

    /// <summary>
    /// Closes nodes, then stores. A clean close flushes the caches (if processing), the output and the stores, and
    /// writes the checkpoint, also for a task closed while restoring, and parks the in-memory stores for the task's next
    /// owner here; under exactly-once the caller commits the task's transaction first, since the checkpoint vouches for
    /// what the changelogs hold. A dirty close (task lost) drops buffers and leaves the checkpoint as it was.
    /// </summary>
    public void Close(bool clean)
    {
        lock (StoreLock)
        {
            CloseLocked(clean);
        }
    }

    private void CloseLocked(bool clean)
    {
        if (clean && _storesOpen)
        {
            if (IsRunning)
            {
                PrepareCommit();
            }

            PostCommit(enforceCheckpoint: true);
            StateManager.ParkInMemoryStores();
        }

        _partitions.Clear();
        if (IsRunning)
        {
            foreach (var node in _topology.Nodes)
            {
                node.Close();
            }
        }

        foreach (var store in _stores)
        {
            if (store.IsOpen)
            {
                store.Close();
            }
        }
    }

    /// <summary>
    /// A punctuator may write to stores or forward records without any input, so the task needs a commit to flush
    /// them (as in Kafka Streams); otherwise cached writes would wait for the next input record.
    /// </summary>
    private bool Punctuated(bool punctuated)
    {
        CommitNeeded |= punctuated;
        return punctuated;
    }

    private bool ExactlyOnce => _context.Config.ProcessingGuarantee == ProcessingGuarantee.ExactlyOnceV2;

    private void Punctuate(PunctuationSchedule schedule, long timestamp)
    {
        var savedTimestamp = _context.CurrentTimestamp;
        _context.CurrentRecord = null;
        _context.CurrentTimestamp = timestamp;
        using var activity = StreamsActivities.StartPunctuate(schedule.NodeName, _idText);
        try
        {
            lock (StoreLock)
            {
                schedule.Punctuator(timestamp);
            }
        }
        catch (Exception e) when (NodeErrorGuard.ShouldHandle(e))
        {
            StreamsActivities.Failed(activity, e);
            throw new StreamsException(
                $"Exception caught while punctuating processor '{schedule.NodeName}' in task {Id}: {e.Message}", e);
        }
        finally
        {
            _context.CurrentTimestamp = savedTimestamp;
        }

        _context.Metrics.Punctuations.Increment();
    }
}
