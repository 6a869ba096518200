using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Errors.Internal;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State.Internal.Caching;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A stream thread's tasks: created when their partitions are assigned, restored from their changelogs before they
/// process, suspended (committed, buffers dropped) when revoked, closed cleanly when not reassigned, closed dirty
/// when lost. Commits go through <see cref="TaskCommitter"/>.
/// </summary>
internal sealed class TaskManager(
    TopologyMetadata topology,
    StreamsConfig config,
    ThreadResources resources,
    TaskCommitter committer,
    StoreChangelogReader restorer,
    Lock storeLock,
    ILogger log)
{
    private const int DeferredRetryMs = 1_000;

    private readonly Dictionary<TaskId, StreamTask> _tasks = [];
    private readonly HashSet<TaskId> _suspended = [];
    // Assigned tasks whose directory another thread of this instance still holds (it closes them in its own
    // rebalance callback), or this instance's standby of the task (it hands it over); created on a later loop.
    private readonly SortedSet<TaskId> _pending = [];
    // Pending tasks whose creation failed because the cluster could not answer, logged once until created, and
    // tried again once a second rather than on every loop.
    private readonly HashSet<TaskId> _deferred = [];
    private readonly ThreadCache _cache = new(config.CacheMaxBytesBuffering);
    private long _retryDeferredAt;

    public IReadOnlyCollection<StreamTask> Tasks => _tasks.Values;

    public IReadOnlyCollection<TaskId> ActiveTaskIds => _tasks.Keys;

    /// <summary>Tasks whose restoration completed: only they process, punctuate and commit.</summary>
    private IEnumerable<StreamTask> RunningTasks => _tasks.Values.Where(t => t.IsRunning);

    /// <summary>Creates the tasks of newly assigned partitions and closes suspended tasks that did not come back.</summary>
    public void HandleAssignment(IReadOnlyCollection<TopicPartition> partitions)
    {
        var assigned = partitions.Select(topology.TaskFor).ToHashSet();
        foreach (var id in _suspended.Where(id => !assigned.Contains(id)).ToList())
        {
            CloseTask(id, clean: true);
        }

        _suspended.Clear();
        _pending.Clear();
        _deferred.Clear();
        _pending.UnionWith(assigned.Where(id => !_tasks.ContainsKey(id)));
        CreatePendingTasks();
    }

    /// <summary>Whether assigned tasks still wait for their state directory.</summary>
    public bool HasPendingTasks => _pending.Count > 0;

    /// <summary>Creates the assigned tasks whose state directory is free by now.</summary>
    public void CreatePendingTasks()
    {
        if (_deferred.Count > 0 && Environment.TickCount64 < _retryDeferredAt)
        {
            return;
        }

        foreach (var id in _pending.ToList())
        {
            if (!resources.StateDirectory.TryLock(id, this))
            {
                // Another thread closes it in its rebalance callback, or this instance's standby of it hands over.
                resources.Standbys?.Release(id);
                continue;
            }

            var task = CreateTask(id);
            try
            {
                task.InitializeStateStores(changelogs => restorer.EndOffsets(id, changelogs));
                restorer.Register(task.StateManager);
            }
            catch (Exception e)
            {
                // A half-made task may hold open stores and holds its directory: release both, whatever went wrong.
                task.Close(clean: false);
                resources.StateDirectory.Unlock(id, this);
                if (e is not ChangelogOffsetsUnavailableException)
                {
                    throw;
                }

                // The cluster cannot tell where the changelogs end (a broker outage): the checkpoint stays as it was,
                // and the task is created again on a later loop, rather than the thread failing for good.
                _retryDeferredAt = Environment.TickCount64 + DeferredRetryMs;
                if (_deferred.Add(id))
                {
                    RuntimeLog.TaskCreationDeferred(log, id, e.Message);
                }

                continue;
            }

            _pending.Remove(id);
            _deferred.Remove(id);
            _tasks.Add(id, task);
            RuntimeLog.TaskCreated(log, id);
        }
    }

    /// <summary>Whether every assigned task exists and has restored its state.</summary>
    public bool AllRunning => _pending.Count == 0 && _tasks.Values.All(t => t.IsRunning);

    /// <summary>One restoration step for the tasks still restoring; those whose changelogs are all read start running.</summary>
    public void Restore()
    {
        if (_tasks.Values.All(t => t.IsRunning))
        {
            return;
        }

        restorer.Restore();
        foreach (var id in restorer.CompletedTasks)
        {
            if (_tasks.TryGetValue(id, out var task) && !task.IsRunning)
            {
                task.CompleteRestoration();
            }
        }
    }

    /// <summary>
    /// Before partitions are taken away, commits every task (under exactly-once they share one transaction).
    /// An eager rebalance takes all of them: each task drops its buffered records and stays open in case it is
    /// assigned back, which saves reopening and restoring its stores. An incremental one takes only
    /// <paramref name="revoked"/>: their tasks close cleanly, and the others go on as if nothing happened.
    /// </summary>
    /// <param name="revoked">The partitions taken away; null for an eager rebalance (all of them).</param>
    public void HandleRevocation(IReadOnlyCollection<TopicPartition>? revoked)
    {
        committer.Commit(RunningTasks, force: true);
        if (revoked is not null)
        {
            foreach (var id in revoked.Select(topology.TaskFor).Distinct())
            {
                _pending.Remove(id);
                _deferred.Remove(id);
                if (_tasks.ContainsKey(id))
                {
                    CloseTask(id, clean: true);
                }
            }

            return;
        }

        foreach (var (id, task) in _tasks)
        {
            task.ClearBuffers();
            _suspended.Add(id);
        }
    }

    /// <summary>Partitions lost without a revocation (session timeout, fencing): another member may own them already.</summary>
    public void HandleLost()
    {
        committer.Abort();
        CloseAll(clean: false);
        _pending.Clear();
        _deferred.Clear();
    }

    /// <summary>
    /// The tasks moved to another member (fenced, stale generation): close them dirty without touching the
    /// transaction, and replace a fenced producer before new tasks use it.
    /// </summary>
    public void HandleMigrated()
    {
        CloseAll(clean: false);
        _pending.Clear();
        _deferred.Clear();
        resources.Producer.Reset();
    }

    /// <summary>The task of a consumed record; null when the task is still pending.</summary>
    public StreamTask? TaskOf(TopicPartition partition) => TaskOf(partition.Topic, partition.Partition.Value);

    /// <summary>The task of a consumed record's topic and partition; null when the task is still pending.</summary>
    public StreamTask? TaskOf(string topic, int partition) => _tasks.GetValueOrDefault(topology.TaskFor(topic, partition));

    /// <summary>Processes up to <paramref name="maxPerTask"/> buffered records of each task; returns how many.</summary>
    /// <param name="maxPerTask">Records each task processes at most.</param>
    /// <param name="beforeRecord">
    /// Called before each record; it throws to stop processing: after a pause the thread may no longer own its tasks
    /// (<see cref="PauseDetector"/>), and a frozen processor returns in the middle of a task's turn.
    /// </param>
    public int Process(int maxPerTask, Action? beforeRecord = null)
    {
        var processed = 0;
        foreach (var task in RunningTasks)
        {
            for (var i = 0; i < maxPerTask; i++)
            {
                beforeRecord?.Invoke();
                if (!task.Process())
                {
                    break;
                }

                task.MaybePunctuateStreamTime();
                processed++;
            }
        }

        return processed;
    }

    /// <summary>Runs due wall-clock punctuators.</summary>
    public void PunctuateWallClock()
    {
        foreach (var task in RunningTasks)
        {
            task.MaybePunctuateSystemTime();
        }
    }

    public bool CommitRequested => _tasks.Values.Any(t => t.Context.CommitRequested);

    /// <summary>Commits the tasks that processed or punctuated since the last commit.</summary>
    public void Commit() => committer.Commit(RunningTasks, force: false);

    /// <summary>
    /// Commits every running task at once to learn whether the thread is still a member of its generation: after a
    /// pause, a group that moved on refuses it, and the <see cref="TaskMigratedException"/> stops the thread before it
    /// processes anything more. Returns false when the question cannot be asked: no task processed a record to commit,
    /// yet some have records buffered, which another member may be processing already.
    /// </summary>
    public bool CommitToCheckMembership()
    {
        var running = RunningTasks.ToList();
        if (!running.Any(t => t.CommittableOffsets().Count > 0))
        {
            return !running.Any(t => t.HasBufferedRecords);
        }

        committer.Commit(running, force: true);
        return true;
    }

    /// <summary>Closes every task: cleanly after a final commit, or dirty (state as it is, buffers dropped).</summary>
    public void CloseAll(bool clean)
    {
        if (clean)
        {
            committer.Commit(RunningTasks, force: true);
        }

        foreach (var id in _tasks.Keys.ToList())
        {
            CloseTask(id, clean);
        }

        _suspended.Clear();
    }

    private void CloseTask(TaskId id, bool clean)
    {
        var task = _tasks[id];
        _tasks.Remove(id);
        restorer.Unregister(id);
        try
        {
            task.Close(clean);
        }
        finally
        {
            resources.StateDirectory.Unlock(id, this);
            resources.Metrics.RemoveTaskSensors(resources.ThreadId, id.ToString());
        }

        RuntimeLog.TaskClosed(log, id, clean);
    }

    private StreamTask CreateTask(TaskId id)
    {
        var stateDir = resources.StateDirectory.TaskDirectory(id);
        var collector = new KafkaRecordCollector(resources.Producer, resources.PartitionCounts);
        var stateManager = new ProcessorStateManager(id, topology.ChangelogTopics, resources.StateDirectory, config.ProcessingGuarantee, log);
        var context = new TaskContext(
            id, config, stateDir, collector, stateManager, resources.Time, log, new TaskMetrics(resources.Metrics, resources.ThreadId, id), _cache,
            resources.GlobalState);
        return new StreamTask(topology.Builder.BuildTask(topology.Subtopology(id.Subtopology), topology.ApplicationId), context, stateManager, storeLock);
    }
}
