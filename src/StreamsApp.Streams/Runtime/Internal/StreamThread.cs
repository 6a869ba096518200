using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Errors.Internal;
using StreamsApp.Streams.Metrics;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// One processing thread: a consumer in the application's group and a producer, the tasks of the partitions the
/// group gives it, and the loop poll → buffer → process → punctuate → commit. Rebalance callbacks run inside
/// <c>Consume</c>, on this thread, so tasks are only ever touched here.
/// </summary>
internal sealed class StreamThread
{
    private const int MaxPollRecords = 500;
    private const int MaxProcessPerTask = 1000;
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);

    private readonly StreamThreadSetup _setup;
    private readonly ILogger _log;
    private readonly KafkaLogForwarder _kafkaLog;
    private readonly Action<StreamThread, StreamThreadState> _onStateChange;
    private readonly Action<StreamThread, Exception> _onFailure;
    private readonly Action _onRevoked;
    private readonly HashSet<TopicPartition> _paused = [];
    private readonly Thread _thread;
    private volatile bool _shutdownRequested;
    private readonly Sensor _pauses;
    private readonly Sensor _migrations;
    private readonly ThreadMetrics _metrics;
    private readonly ConsumerLag _lag;
    private readonly ClusterConnectivity _connectivity;
    private readonly PauseDetector _freezes;
    private readonly bool _incremental;
    private readonly Action _checkPause;
    private IConsumer<byte[]?, byte[]?>? _consumer;
    private string? _memberId;
    private TaskManager? _tasks;
    private long _lastCommit;
    private volatile PublishedTasks _published = PublishedTasks.None;
    private volatile StreamThreadState _state = StreamThreadState.Created;

    public StreamThread(
        StreamThreadSetup setup, int index, string name, Action<StreamThread, StreamThreadState> onStateChange, Action<StreamThread, Exception> onFailure,
        Action onRevoked)
    {
        _setup = setup;
        Index = index;
        Name = name;
        _log = setup.LoggerFactory.CreateLogger<StreamThread>();
        _kafkaLog = new KafkaLogForwarder(_log);
        _onStateChange = onStateChange;
        _onFailure = onFailure;
        _onRevoked = onRevoked;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _pauses = setup.Metrics.Sensor("partition-pauses-total", "stream-thread-metrics", "thread-id", name);
        _migrations = setup.Metrics.Sensor("task-migrations-total", "stream-thread-metrics", "thread-id", name);
        _metrics = new ThreadMetrics(setup.Metrics, name);
        _lag = new ConsumerLag(readCommitted: setup.Config.ProcessingGuarantee == ProcessingGuarantee.ExactlyOnceV2);
        _connectivity = new ClusterConnectivity(_log, name, setup.Time);
        _freezes = new PauseDetector(PauseDetector.ThresholdFor(setup.Config));
        _checkPause = CheckPause;
        _incremental = setup.Config.GroupProtocol == GroupProtocol.Consumer;
    }

    public string Name { get; }

    /// <summary>The thread's index in its instance, from 1: part of its transactional id under exactly-once.</summary>
    public int Index { get; }

    /// <summary>The thread's state; read by the instance and by interactive queries on other threads.</summary>
    public StreamThreadState State
    {
        get => _state;
        private set => _state = value;
    }

    /// <summary>The tasks this thread runs now (a snapshot, safe to read from any thread).</summary>
    public IReadOnlyCollection<Processing.TaskId> ActiveTasks => _published.Ids;

    /// <summary>The tasks this thread runs now, for interactive queries (a snapshot, safe to read from any thread).</summary>
    public IReadOnlyList<StreamTask> Tasks => _published.Tasks;

    /// <summary>
    /// Whether the thread's tasks that are running may be queried now: while it runs, and under an incremental
    /// rebalance also while it restores tasks it was just given, since the tasks it kept never stopped. An eager
    /// rebalance revokes every task, and those may have moved by the time the thread runs again.
    /// </summary>
    public bool ServesRunningTasks => State == StreamThreadState.Running || (_incremental && State == StreamThreadState.PartitionsAssigned);

    /// <summary>When this thread's consumer lost the cluster; null while it reaches it.</summary>
    public DateTimeOffset? ClusterLostSince => _connectivity.LostSince;

    /// <summary>Guards the stores of this thread's tasks (see <see cref="StreamTask.StoreLock"/>).</summary>
    public Lock StoreLock { get; } = new();

    public void Start() => _thread.Start();

    public void RequestShutdown() => _shutdownRequested = true;

    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    private void Run()
    {
        IConsumer<byte[]?, byte[]?>? consumer = null;
        StreamsProducer? producer = null;
        StoreChangelogReader? restorer = null;
        try
        {
            SetState(StreamThreadState.Starting);
            consumer = _consumer = BuildConsumer();
            producer = _setup.CreateProducer(Name, Index);
            restorer = new StoreChangelogReader(
                BuildRestoreConsumer(), _setup.Metrics, Name, _setup.LoggerFactory.CreateLogger<StoreChangelogReader>(),
                _setup.CreateChangelogOffsetReader(Name), storeLock: StoreLock, keepsEveryKey: _setup.Topology.KeepsEveryKey);
            var resources = _setup.Resources(Name, producer);
            _tasks = new TaskManager(
                _setup.Topology, _setup.Config, resources, new TaskCommitter(consumer, producer, _metrics, _log), restorer, StoreLock, _log);
            _setup.Metrics.AddGauges(this, new ThreadGauges(this, _lag).Read);
            consumer.Subscribe(_setup.Topology.SourceTopics);
            _lastCommit = _setup.Time.GetTimestamp();
            while (!_shutdownRequested)
            {
                try
                {
                    RunOnce(consumer);
                }
                catch (TaskMigratedException e)
                {
                    RuntimeLog.TasksMigrated(_log, e, Name);
                    _migrations.Increment();
                    _tasks.HandleMigrated();
                    Rejoin(consumer);
                }
            }

            SetState(StreamThreadState.PendingShutdown);
            _tasks.CloseAll(clean: true);
            PublishTasks();
            consumer.Close();
            SetState(StreamThreadState.Dead);
        }
        catch (Exception e)
        {
            RuntimeLog.ThreadFailed(_log, e, Name);
            CloseAfterFailure();
            SetState(StreamThreadState.Dead);
            _onFailure(this, e);
        }
        finally
        {
            _setup.Metrics.RemoveGauges(this);
            consumer?.Dispose();
            producer?.Dispose();
            restorer?.Dispose();
        }
    }

    private void RunOnce(IConsumer<byte[]?, byte[]?> consumer)
    {
        var tasks = _tasks!;
        CheckPause();
        var restoring = State == StreamThreadState.PartitionsAssigned;
        if (restoring)
        {
            tasks.CreatePendingTasks();
            tasks.Restore();
            PublishTasks();
            if (tasks.AllRunning)
            {
                SetState(StreamThreadState.Running);
            }

            // Creating and restoring tasks is work, not a pause.
            _freezes.Restart();
        }

        // Restoration waits for changelog records itself; the main consumer then only takes what is fetched.
        var timeout = restoring || tasks.Tasks.Any(t => t.HasBufferedRecords) ? TimeSpan.Zero : PollTimeout;
        var pollStart = Stopwatch.GetTimestamp();
        var polled = 0;
        for (; polled < MaxPollRecords && Consume(consumer, polled == 0 ? timeout : TimeSpan.Zero) is { } record; polled++)
        {
            Buffer(consumer, record);
        }

        _metrics.RecordPoll(pollStart, polled);
        var processStart = Stopwatch.GetTimestamp();
        _metrics.RecordProcess(processStart, tasks.Process(MaxProcessPerTask, _checkPause));
        ResumeDrained(consumer);
        tasks.PunctuateWallClock();
        var now = _setup.Time.GetTimestamp();
        if (_setup.Time.GetElapsedTime(_lastCommit, now) >= _setup.Config.EffectiveCommitInterval || tasks.CommitRequested)
        {
            tasks.Commit();
            _lastCommit = now;
        }
    }

    /// <summary>
    /// Polls the main consumer. librdkafka reports once that it left the group because the thread did not poll
    /// within max.poll.interval.ms (a blocked processor, a frozen process): the tasks belong to others by now, and the
    /// consumer rejoins at the next poll.
    /// </summary>
    private static ConsumeResult<byte[]?, byte[]?>? Consume(IConsumer<byte[]?, byte[]?> consumer, TimeSpan timeout)
    {
        try
        {
            return consumer.Consume(timeout);
        }
        catch (ConsumeException e) when (e.Error.Code == ErrorCode.Local_MaxPollExceeded)
        {
            throw new TaskMigratedException($"The consumer left the group: {e.Error.Reason}", e);
        }
    }

    /// <summary>
    /// After a pause long enough for the group to have moved on (<see cref="PauseDetector"/>), commits to learn whether
    /// this thread still owns its tasks; if not, the commit's <see cref="TaskMigratedException"/> closes them as
    /// migrated before any record buffered before the pause is processed. When there is nothing to commit, the tasks
    /// restart from their committed offsets, which costs nothing they had processed.
    /// </summary>
    private void CheckPause()
    {
        if (_freezes.Paused(out var gap) && State == StreamThreadState.Running)
        {
            RuntimeLog.ResumedAfterPause(_log, Name, gap.TotalSeconds);

            // The consumer may have rejoined on its own already, as a new member whose rebalance callbacks still
            // wait in its queue: a commit would then pass, under the new generation, with the old tasks' offsets.
            if (_consumer!.MemberId != _memberId)
            {
                throw new TaskMigratedException($"The consumer rejoined the group as a new member after a pause of {gap.TotalSeconds:0.#} s");
            }

            if (!_tasks!.CommitToCheckMembership())
            {
                throw new TaskMigratedException($"No commit can prove membership after a pause of {gap.TotalSeconds:0.#} s: restarting the tasks from their committed offsets");
            }
        }
    }

    private void Buffer(IConsumer<byte[]?, byte[]?> consumer, ConsumeResult<byte[]?, byte[]?> record)
    {
        // ConsumeResult.TopicPartition allocates on every call: the common path goes by topic and partition number.
        if (_tasks!.TaskOf(record.Topic, record.Partition.Value) is not { } task)
        {
            // The task waits for another thread to release its directory: fetch from this record again later. Only
            // the first record of the partition sets the position; later ones already fetched are dropped, since
            // seeking to them would skip the first.
            if (_paused.Add(record.TopicPartition))
            {
                consumer.Pause([record.TopicPartition]);
                consumer.Seek(record.TopicPartitionOffset);
            }

            return;
        }

        task.AddRecord(record);
        if (task.BufferedRecords(record.Topic) >= _setup.Config.BufferedRecordsPerPartition && _paused.Add(record.TopicPartition))
        {
            // librdkafka drops what it prefetched for a paused partition and fetches it again on resume.
            consumer.Pause([record.TopicPartition]);
            _pauses.Increment();
        }
    }

    private void ResumeDrained(IConsumer<byte[]?, byte[]?> consumer)
    {
        if (_paused.Count == 0)
        {
            return;
        }

        var resume = _paused.Where(p => _tasks!.TaskOf(p) is { } task && task.BufferedRecords(p) < _setup.Config.BufferedRecordsPerPartition).ToList();
        if (resume.Count > 0)
        {
            consumer.Resume(resume);
            _paused.ExceptWith(resume);
        }
    }

    private IConsumer<byte[]?, byte[]?> BuildRestoreConsumer() =>
        new ConsumerBuilder<byte[]?, byte[]?>(ClientConfigs.RestoreConsumer(_setup.Config, $"{Name}-restore-consumer"))
            .SetLogHandler((_, message) => _kafkaLog.Log(message))
            .Build();

    private IConsumer<byte[]?, byte[]?> BuildConsumer() =>
        new ConsumerBuilder<byte[]?, byte[]?>(ClientConfigs.MainConsumer(_setup.Config, $"{Name}-consumer", Index))
            .SetPartitionsAssignedHandler((consumer, partitions) =>
            {
                _memberId = consumer.MemberId;
                OnAssigned(consumer, partitions);

                // Where the partitions start, read here rather than left to librdkafka (InputPositions).
                return InputPositions.Read(consumer, partitions, _setup.Config);
            })
            .SetPartitionsRevokedHandler(OnRevoked)
            .SetPartitionsLostHandler((consumer, _) => OnLost(consumer))
            .SetLogHandler((_, message) => _kafkaLog.Log(message))
            .SetErrorHandler((_, error) => _connectivity.OnError(error))
            .SetStatisticsHandler((_, json) =>
            {
                _lag.OnStatistics(json);
                _connectivity.OnStatistics(json);
            })
            .Build();

    /// <summary>
    /// Partitions added: all of them under an eager rebalance, the new ones under an incremental one, which join
    /// those the consumer holds already (its assignment changes after this callback). An incremental rebalance that
    /// adds nothing changes nothing: the thread's tasks stay running and queryable.
    /// </summary>
    private void OnAssigned(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> partitions)
    {
        RuntimeLog.PartitionsAssigned(_log, Name, new PartitionRanges(partitions));
        if (_incremental && partitions.Count == 0)
        {
            return;
        }

        SetState(StreamThreadState.PartitionsAssigned);
        _tasks!.HandleAssignment(_incremental ? [.. consumer.Assignment.Union(partitions)] : partitions);
        PublishTasks();
    }

    /// <summary>
    /// Partitions taken away: under an incremental rebalance only their tasks close, and the thread's other tasks
    /// go on processing, so the thread does not leave <see cref="StreamThreadState.Running"/> — nor does its instance,
    /// which therefore hears of the closed tasks here rather than from a state change.
    /// </summary>
    private void OnRevoked(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> partitions)
    {
        RuntimeLog.PartitionsRevoked(_log, Name);
        var revoked = partitions.Select(p => p.TopicPartition).ToList();
        if (!_incremental)
        {
            SetState(StreamThreadState.PartitionsRevoked);
        }

        ResumePaused(consumer, _incremental ? revoked : null);
        try
        {
            _tasks!.HandleRevocation(_incremental ? revoked : null);
            PublishTasks();
        }
        catch (TaskMigratedException e)
        {
            // The group moved on before the final commit: the new owners reprocess from the last commit. Throwing out
            // of a rebalance callback would leave the consumer stuck half-way through the rebalance.
            RuntimeLog.TasksMigrated(_log, e, Name);
            _migrations.Increment();
            _tasks!.HandleMigrated();
            PublishTasks();
        }

        _onRevoked();
    }

    /// <summary>
    /// Partitions lost without a revocation (fenced, expired): their tasks close dirty. An incremental rebalance
    /// calls back only when the member is given partitions, so a member given none would wait in
    /// <see cref="StreamThreadState.PartitionsRevoked"/> for good: it goes on as assigned, with what it holds.
    /// </summary>
    private void OnLost(IConsumer<byte[]?, byte[]?> consumer)
    {
        RuntimeLog.PartitionsLost(_log, Name);
        SetState(StreamThreadState.PartitionsRevoked);
        ResumePaused(consumer, only: null);
        _tasks!.HandleLost();
        PublishTasks();
        if (_incremental)
        {
            SetState(StreamThreadState.PartitionsAssigned);
        }
    }

    /// <summary>
    /// Resumes the partitions this thread paused before they are taken away: librdkafka keeps a partition's pause
    /// across a revocation and a later assignment, so one paused now (its task restoring with a full buffer) would
    /// come back paused, and nothing would ever resume it. Seen on a real broker: a task running with its input
    /// partition paused for good.
    /// </summary>
    /// <param name="consumer">The main consumer.</param>
    /// <param name="only">The partitions taken away; null: all of them.</param>
    private void ResumePaused(IConsumer<byte[]?, byte[]?> consumer, IReadOnlyCollection<TopicPartition>? only)
    {
        var resume = only is null ? [.. _paused] : _paused.Where(only.Contains).ToList();
        if (resume.Count > 0)
        {
            consumer.Resume(resume);
            _paused.ExceptWith(resume);
        }
    }

    /// <summary>
    /// After tasks migrated: restart the tasks of the partitions the consumer still holds from their committed
    /// offsets. If the group did move on, the consumer's next poll brings the rebalance that takes them away;
    /// leaving and rejoining instead would cost a full rebalance, and the mock cluster stalls a rejoin that races
    /// its own leave for a session timeout.
    /// </summary>
    private void Rejoin(IConsumer<byte[]?, byte[]?> consumer)
    {
        _paused.Clear();
        PublishTasks();
        var assignment = consumer.Assignment;
        consumer.Resume(assignment);
        foreach (var position in InputPositions.Read(consumer, assignment, _setup.Config))
        {
            consumer.Seek(position);
        }

        OnAssigned(consumer, assignment);
    }

    private void CloseAfterFailure()
    {
        try
        {
            _tasks?.HandleLost();
        }
        catch (Exception e)
        {
            RuntimeLog.ThreadFailed(_log, e, Name);
        }

        _published = PublishedTasks.None;
    }

    private void PublishTasks()
    {
        var tasks = _tasks!.Tasks.OrderBy(t => t.Id).ToArray();
        if (tasks.Length != _published.Tasks.Count || !tasks.SequenceEqual(_published.Tasks))
        {
            _published = new PublishedTasks(tasks, [.. tasks.Select(t => t.Id)]);
        }
    }

    private sealed record PublishedTasks(IReadOnlyList<StreamTask> Tasks, IReadOnlyCollection<Processing.TaskId> Ids)
    {
        public static readonly PublishedTasks None = new([], []);
    }

    private void SetState(StreamThreadState state)
    {
        var from = State;
        if (from == state)
        {
            return;
        }

        State = state;
        RuntimeLog.ThreadStateChanged(_log, Name, from, state);
        _onStateChange(this, state);
    }
}
