using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Caching;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// What one task shares with its nodes and stores: identity, the record being processed, stream and wall-clock
/// time, stores, punctuation, the output collector and the thread's cache.
/// </summary>
internal sealed class TaskContext(
    TaskId taskId,
    StreamsConfig config,
    string stateDirectory,
    IRecordCollector collector,
    IStoreRegistry storeRegistry,
    TimeProvider time,
    ILogger log,
    TaskMetrics metrics,
    ThreadCache cache,
    IGlobalStores? globalStores = null) : IStateStoreContext
{
    private readonly Dictionary<string, IStateStore> _stores = [];

    public string ApplicationId => Config.ApplicationId;

    public TaskId TaskId { get; } = taskId;

    public StreamsConfig Config { get; } = config;

    public string StateDirectory { get; } = stateDirectory;

    public IRecordCollector Collector { get; } = collector;

    /// <summary>Where the task's stores register; the runtime checkpoints and restores them behind it.</summary>
    public IStoreRegistry StoreRegistry { get; } = storeRegistry;

    public ILogger Log { get; } = log;

    public TaskMetrics Metrics { get; } = metrics;

    /// <summary>The stream thread's record cache (a zero budget flushes every write at once).</summary>
    public ThreadCache Cache { get; } = cache;

    /// <summary>The source record being processed; null inside a punctuation.</summary>
    public ConsumeResult<byte[]?, byte[]?>? CurrentRecord { get; set; }

    /// <summary>The timestamp of the record (or punctuation) being processed.</summary>
    public long CurrentTimestamp { get; set; }

    public RecordMetadata? RecordMetadata =>
        CurrentRecord is { } r ? new RecordMetadata(r.Topic, r.Partition.Value, r.Offset.Value) : null;

    /// <summary>The largest timestamp processed so far; -1 before the first record.</summary>
    public long StreamTime { get; set; } = -1;

    public long WallClockMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    public PunctuationQueue StreamTimePunctuations { get; } = new();

    public PunctuationQueue WallClockPunctuations { get; } = new();

    public bool CommitRequested { get; set; }

    /// <summary>The global stores every processor may read without being connected to them; null when there are none.</summary>
    public IGlobalStores? GlobalStores { get; } = globalStores;

    public void RequestCommit() => CommitRequested = true;

    public void Register(IStateStore store, IBatchingStateRestoreCallback restoreCallback) =>
        StoreRegistry.Register(store, restoreCallback);

    public void AddStore(IStateStore store) => _stores.Add(store.Name, store);

    public bool HasStore(string name) => _stores.ContainsKey(name);

    public IStateStore GetStore(string name) =>
        _stores.TryGetValue(name, out var store)
            ? store
            : throw new StreamsException($"State store '{name}' does not exist in task {TaskId}");

    public ICancellable Schedule(string nodeName, TimeSpan interval, PunctuationType type, Action<long> punctuator)
    {
        var intervalMs = (long)interval.TotalMilliseconds;
        if (intervalMs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A punctuation interval must be at least 1 ms");
        }

        // Stream time aligns to 0 so it fires as soon as records arrive; wall-clock time fires one interval from now.
        var schedule = type == PunctuationType.StreamTime
            ? new PunctuationSchedule(nodeName, intervalMs, 0, punctuator)
            : new PunctuationSchedule(nodeName, intervalMs, WallClockMs + intervalMs, punctuator);
        (type == PunctuationType.StreamTime ? StreamTimePunctuations : WallClockPunctuations).Add(schedule);
        return schedule;
    }

    public ErrorHandlerContext ErrorContext(string nodeName, long timestamp) =>
        ErrorHandlerContext.Of(CurrentRecord, nodeName, timestamp, TaskId);

    /// <summary>What a sink's send carries so that a failure reported later is handled against the current source record.</summary>
    public SendOrigin Origin(string sinkName, long timestamp) => new(this, sinkName, CurrentRecord, timestamp);
}
