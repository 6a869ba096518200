using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State.Internal.Caching;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// An instance's standby replicas (decision 0024), on a thread of their own with one consumer assigned to the
/// changelogs they follow (read_committed under exactly-once, so a standby never holds an aborted write). Each loop
/// it opens the standbys <see cref="StandbyPlacement"/> gives this instance and closes those it no longer does, then
/// applies what the changelogs brought. A standby's directory is locked as a task's, so a standby and an active task
/// never open the same stores: a stream thread assigned a task this instance keeps a standby of asks for it
/// (<see cref="Release"/>), and the standby closes with a checkpoint of its position, from which the active task
/// restores only the tail. A failure here closes the standbys and opens them again a second later; it never stops
/// the instance, whose active tasks do not depend on it.
/// </summary>
internal sealed class StandbyUpdater
{
    private const int MaxRecordsPerLoop = 10_000;
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RetryBackoff = TimeSpan.FromSeconds(1);

    // How long a released standby stays closed: long enough for the stream thread that asked to lock its directory.
    // A directory the thread holds cannot be taken back anyway; this only stops the standby reopening in between.
    private static readonly TimeSpan ReleasedFor = TimeSpan.FromSeconds(10);

    private readonly StreamThreadSetup _setup;
    private readonly Func<IReadOnlySet<TaskId>> _placement;
    private readonly Action _changed;
    private readonly ILogger _log;
    private readonly Thread _thread;
    private readonly ConcurrentDictionary<TaskId, long> _released = new();
    private readonly Dictionary<TaskId, StandbyTask> _tasks = [];
    private readonly Dictionary<TopicPartition, StandbyTask> _byChangelog = [];
    private readonly ThreadCache _noCache = new(0);
    private volatile Snapshot _snapshot = Snapshot.Empty;
    private volatile bool _stopping;
    private IConsumer<byte[]?, byte[]?>? _consumer;
    private ChangelogOffsetReader? _offsets;
    private long _retryAt;

    /// <param name="setup">What the instance's threads are built from.</param>
    /// <param name="name">The thread's name, also the thread-id of its metrics.</param>
    /// <param name="placement">The standbys this instance should keep now.</param>
    /// <param name="changed">Called, on this thread, when the standbys kept change (the instance publishes them).</param>
    public StandbyUpdater(StreamThreadSetup setup, string name, Func<IReadOnlySet<TaskId>> placement, Action changed)
    {
        _setup = setup;
        Name = name;
        _placement = placement;
        _changed = changed;
        _log = setup.LoggerFactory.CreateLogger<StandbyUpdater>();
        _thread = new Thread(Run) { IsBackground = true, Name = name };
    }

    public string Name { get; }

    /// <summary>Guards the standbys' stores: held while records are applied, and by queries reading stale stores.</summary>
    public Lock StoreLock { get; } = new();

    /// <summary>The standbys open now (a snapshot, safe to read from any thread).</summary>
    public IReadOnlyList<StandbyTask> Tasks => _snapshot.Tasks;

    /// <summary>The ids of <see cref="Tasks"/>.</summary>
    public IReadOnlySet<TaskId> TaskIds => _snapshot.Ids;

    public void Start() => _thread.Start();

    /// <summary>
    /// Asks the standby of <paramref name="id"/> to close and hand its state over, because a stream thread of this
    /// instance was assigned the task (any thread). It closes within one loop.
    /// </summary>
    public void Release(TaskId id) => _released[id] = Environment.TickCount64 + (long)ReleasedFor.TotalMilliseconds;

    /// <summary>Closes the standbys cleanly and stops the thread.</summary>
    public void Stop(TimeSpan timeout)
    {
        _stopping = true;
        if (_thread.IsAlive)
        {
            _thread.Join(timeout);
        }
    }

    private void Run()
    {
        var kafkaLog = new KafkaLogForwarder(_log);
        _consumer = new ConsumerBuilder<byte[]?, byte[]?>(ClientConfigs.RestoreConsumer(_setup.Config, $"{Name}-consumer"))
            .SetLogHandler((_, message) => kafkaLog.Log(message))
            .Build();
        _offsets = _setup.CreateChangelogOffsetReader(Name);
        _setup.Metrics.AddGauges(this, ReadGauges);
        try
        {
            while (!_stopping)
            {
                try
                {
                    RunOnce();
                }
                catch (Exception e) when (!_stopping)
                {
                    StandbyLog.Failed(_log, e);
                    CloseAll(clean: false);
                    _retryAt = Environment.TickCount64 + (long)RetryBackoff.TotalMilliseconds;
                }
            }
        }
        catch (Exception e)
        {
            // Only CloseAll can get here (while stopping); the instance goes on closing.
            StandbyLog.Failed(_log, e);
        }
        finally
        {
            CloseAll(clean: true);
            _setup.Metrics.RemoveGauges(this);
            _offsets.Dispose();
            _consumer.Close();
            _consumer.Dispose();
        }
    }

    private void RunOnce()
    {
        Reconcile();
        if (_tasks.Count == 0)
        {
            // Nothing to follow: wait as a poll would, then look at the placement again.
            Thread.Sleep(PollTimeout);
            return;
        }

        var timeout = PollTimeout;
        for (var polled = 0; polled < MaxRecordsPerLoop && _consumer!.Consume(timeout) is { } record; polled++)
        {
            timeout = TimeSpan.Zero;
            if (!record.IsPartitionEOF && _byChangelog.TryGetValue(record.TopicPartition, out var standby))
            {
                standby.Add(record);
            }
        }

        foreach (var standby in _tasks.Values)
        {
            standby.Apply(StoreLock, partition => _consumer!.Position(partition).Value);
            standby.MaybeCheckpoint();
        }

        Publish();
    }

    /// <summary>Opens the standbys placed here, and closes those no longer placed here or released to a stream thread.</summary>
    private void Reconcile()
    {
        var now = Environment.TickCount64;
        foreach (var (id, until) in _released)
        {
            if (until <= now)
            {
                _released.TryRemove(id, out _);
            }
        }

        var wanted = _placement().Where(id => !_released.ContainsKey(id)).ToHashSet();
        var changed = false;
        foreach (var id in _tasks.Keys.Where(id => !wanted.Contains(id)).ToList())
        {
            if (_released.ContainsKey(id))
            {
                StandbyLog.HandedOver(_log, id);
            }

            Close(id, clean: true);
            changed = true;
        }

        if (now >= _retryAt)
        {
            foreach (var id in wanted.Where(id => !_tasks.ContainsKey(id)).Order())
            {
                changed |= TryOpen(id);
            }
        }

        if (changed)
        {
            Publish();
            _changed();
        }
    }

    private bool TryOpen(TaskId id)
    {
        var directory = _setup.StateDirectory;
        if (!directory.TryLock(id, this))
        {
            // Active here (or handed over a moment ago): the placement will drop it once this instance's claim says so.
            return false;
        }

        var task = CreateTask(id);
        try
        {
            task.InitializeStateStores(changelogs => _offsets!.EndOffsets(id, changelogs));
            var standby = StandbyTask.Follow(task, _offsets!, new RestoreMetrics(_setup.Metrics, Name, id), _log);
            _consumer!.IncrementalAssign(standby.Changelogs.Select(c => new TopicPartitionOffset(c.Partition, c.Position)));
            _tasks.Add(id, standby);
            foreach (var changelog in standby.Changelogs)
            {
                _byChangelog.Add(changelog.Partition, standby);
            }

            var followed = string.Join(", ", standby.Changelogs.Select(c => $"{c.Partition.Topic}-{c.Partition.Partition.Value} from {c.Position}"));
            StandbyLog.Opened(_log, id, followed);
            return true;
        }
        catch (Exception e)
        {
            task.Close(clean: false);
            directory.Unlock(id, this);
            if (e is not ChangelogOffsetsUnavailableException)
            {
                throw;
            }

            StandbyLog.Deferred(_log, id, e.Message);
            _retryAt = Environment.TickCount64 + (long)RetryBackoff.TotalMilliseconds;
            return false;
        }
    }

    private void Close(TaskId id, bool clean)
    {
        var standby = _tasks[id];
        _tasks.Remove(id);
        var partitions = standby.Changelogs.Select(c => c.Partition).ToList();
        foreach (var partition in partitions)
        {
            _byChangelog.Remove(partition);
        }

        try
        {
            _consumer!.IncrementalUnassign(partitions);
            standby.Close(clean);
        }
        finally
        {
            _setup.StateDirectory.Unlock(id, this);
            _setup.Metrics.RemoveTaskSensors(Name, id.ToString());
        }

        StandbyLog.Closed(_log, id, clean);
    }

    private void CloseAll(bool clean)
    {
        foreach (var id in _tasks.Keys.ToList())
        {
            try
            {
                Close(id, clean);
            }
            catch (Exception e) when (!clean)
            {
                // Closing after a failure: the next standby must still release its directory.
                StandbyLog.Failed(_log, e);
            }
        }

        Publish();
    }

    private StreamTask CreateTask(TaskId id)
    {
        var config = _setup.Config;
        var stateManager = new ProcessorStateManager(id, _setup.Topology.ChangelogTopics, _setup.StateDirectory, config.ProcessingGuarantee, _log);
        var context = new TaskContext(
            id, config, _setup.StateDirectory.TaskDirectory(id), StandbyRecordCollector.Instance, stateManager, _setup.Time, _log,
            new TaskMetrics(_setup.Metrics, Name, id), _noCache);
        return new StreamTask(_setup.Topology.Builder.BuildTask(_setup.Topology.Subtopology(id.Subtopology), _setup.Topology.ApplicationId), context, stateManager, StoreLock);
    }

    /// <summary>Publishes the standbys and their lag (records of the changelogs not applied yet) for other threads.</summary>
    private void Publish()
    {
        var lag = new Dictionary<TaskId, long>();
        foreach (var (id, standby) in _tasks)
        {
            lag[id] = standby.Changelogs.Sum(c =>
                _consumer!.GetWatermarkOffsets(c.Partition).High is { Value: >= 0 } high ? Math.Max(0, high.Value - c.Position) : 0);
        }

        _snapshot = new Snapshot([.. _tasks.Values.OrderBy(t => t.Id)], lag);
    }

    private void ReadGauges(ICollection<MetricValue> values)
    {
        foreach (var (id, lag) in _snapshot.Lag)
        {
            values.Add(new MetricValue(MetricName.Of("standby-lag-records", "stream-task-metrics", "thread-id", Name, "task-id", id.ToString()), lag));
        }
    }

    private sealed class Snapshot(IReadOnlyList<StandbyTask> tasks, IReadOnlyDictionary<TaskId, long> lag)
    {
        public static readonly Snapshot Empty = new([], new Dictionary<TaskId, long>());

        public IReadOnlyList<StandbyTask> Tasks { get; } = tasks;

        public IReadOnlySet<TaskId> Ids { get; } = tasks.Select(t => t.Id).ToHashSet();

        public IReadOnlyDictionary<TaskId, long> Lag { get; } = lag;
    }
}
