using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A task's registry of its stores' data layers: which changelog partition backs each one, how to restore it, and
/// the offset of the last changelog record each store holds (loaded from the task's checkpoint file, advanced by
/// restoration and by the collector's writes). Persistent stores' offsets go to the checkpoint file. In-memory stores
/// are parked in the <see cref="StateDirectory"/> with their offsets when the task closes cleanly, for the task's next
/// owner on this instance; otherwise they start empty and restore from the beginning. Without a
/// <see cref="StateDirectory"/> (the test driver) nothing is read or written on disk, and nothing is parked.
/// </summary>
internal sealed class ProcessorStateManager(
    TaskId taskId,
    IReadOnlyDictionary<string, string> changelogTopicsByStore,
    StateDirectory? stateDirectory = null,
    ProcessingGuarantee guarantee = ProcessingGuarantee.AtLeastOnce,
    ILogger? log = null) : IStoreRegistry
{
    private readonly List<RegisteredStore> _stores = [];
    private readonly Dictionary<TopicPartition, RegisteredStore> _storesByChangelog = [];
    private readonly Dictionary<TopicPartition, long> _offsets = [];
    private readonly OffsetCheckpoint? _checkpointFile = stateDirectory is null
        ? null
        : new OffsetCheckpoint(Path.Combine(stateDirectory.TaskDirectory(taskId), OffsetCheckpoint.FileName));
    private readonly ILogger _log = log ?? NullLogger.Instance;
    private IReadOnlyDictionary<TopicPartition, long> _loaded = new Dictionary<TopicPartition, long>();
    private IReadOnlyDictionary<string, ParkedStore> _parked = new Dictionary<string, ParkedStore>();
    private Dictionary<TopicPartition, long> _checkpointed = [];

    public TaskId TaskId { get; } = taskId;

    /// <summary>The task's directory (created); null without a state directory.</summary>
    public string? TaskDirectory => _checkpointFile is null ? null : Path.GetDirectoryName(_checkpointFile.Path);

    public IReadOnlyList<RegisteredStore> Stores => _stores;

    /// <summary>The changelog topic of a logged store, or null when the store is not logged.</summary>
    public string? ChangelogTopic(string storeName) => changelogTopicsByStore.GetValueOrDefault(storeName);

    /// <summary>
    /// Reads the task's checkpoint; to be called before the stores open. The task directory is wiped, so that the
    /// stores restore from scratch, when the checkpoint cannot be trusted: it is corrupt (it tells nothing about what
    /// the stores hold); it names an offset at or past its changelog's end (the changelog was truncated or recreated,
    /// or the state comes from another cluster: the stores hold records the changelog no longer has); or, under
    /// exactly-once, it is missing (the stores may hold writes of aborted transactions). The in-memory stores parked for
    /// the task on this instance are taken too, and their offsets checked as the checkpoint's.
    /// </summary>
    /// <param name="endOffsets">Reads changelog partitions' end offsets; null skips that check (no broker to ask).</param>
    public void LoadCheckpoint(Func<IReadOnlyCollection<TopicPartition>, IReadOnlyDictionary<TopicPartition, long>>? endOffsets = null)
    {
        if (_checkpointFile is null)
        {
            return;
        }

        _parked = stateDirectory!.Parked.Take(TaskId);
        try
        {
            _loaded = _checkpointFile.Read();
        }
        catch (InvalidDataException e)
        {
            _log.CorruptCheckpoint(e, TaskId);
            Wipe();
            return;
        }

        if (_loaded.Count == 0 && guarantee == ProcessingGuarantee.ExactlyOnceV2 && HoldsState())
        {
            _log.WipingWithoutCheckpoint(TaskId);
            Wipe();
            return;
        }

        var checkpointed = _loaded.Where(entry => changelogTopicsByStore.Values.Contains(entry.Key.Topic))
            .Concat(_parked.Values.Select(parked => KeyValuePair.Create(parked.Changelog, parked.Offset)))
            .ToDictionary();
        if (endOffsets is null || checkpointed.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<TopicPartition, long> ends;
        try
        {
            ends = endOffsets(checkpointed.Keys);
        }
        catch
        {
            // The task is created again once the cluster answers (a broker outage): its parked stores wait for it.
            stateDirectory.Parked.Park(TaskId, _parked);
            _parked = new Dictionary<string, ParkedStore>();
            throw;
        }

        var past = checkpointed.Keys.Where(p => checkpointed[p] >= ends[p]).ToList();
        if (past.Count > 0)
        {
            _log.WipingStaleTaskState(TaskId, "its checkpoint is past the end of "
                + string.Join(", ", past.Select(p => $"changelog {p} (checkpointed offset {checkpointed[p]}, end offset {ends[p]})"))
                + ", so its stores hold records the changelog does not (it was truncated or recreated, or the state was written against another cluster)");
            Wipe();
        }
    }

    /// <summary>
    /// Registers a store's data layer (each store does from its Init); a persistent store takes its offset from the
    /// checkpoint loaded before, so that its restoration resumes there.
    /// </summary>
    public void Register(IStateStore store, IBatchingStateRestoreCallback restoreCallback)
    {
        if (_stores.Exists(s => s.Store.Name == store.Name))
        {
            throw new ArgumentException($"State store '{store.Name}' is already registered in task {TaskId}", nameof(store));
        }

        var topic = ChangelogTopic(store.Name);
        var changelog = topic is null ? null : new TopicPartition(topic, TaskId.Partition);
        var registered = new RegisteredStore(store, restoreCallback, changelog);
        _stores.Add(registered);
        if (changelog is null)
        {
            return;
        }

        _storesByChangelog.Add(changelog, registered);
        if (store.Persistent && _loaded.TryGetValue(changelog, out var offset))
        {
            _offsets[changelog] = offset;
            _checkpointed[changelog] = offset;
        }
        else if (!store.Persistent && store is IInMemoryDataLayer layer && _parked.TryGetValue(store.Name, out var parked) && parked.Changelog == changelog)
        {
            layer.AttachContents(parked.Contents);
            _offsets[changelog] = parked.Offset;
            _checkpointed[changelog] = parked.Offset;
            _log.TookParkedStore(TaskId, store.Name, parked.Offset);
        }
    }

    /// <summary>Where restoration of each changelog starts: one past the checkpointed offset, or the beginning.</summary>
    public IReadOnlyList<TopicPartitionOffset> ChangelogStartOffsets() =>
        [.. _storesByChangelog.Keys.Select(changelog => new TopicPartitionOffset(
            changelog, _offsets.TryGetValue(changelog, out var offset) ? new Offset(offset + 1) : Offset.Beginning))];

    /// <summary>The name of the store a changelog partition backs.</summary>
    public string StoreOf(TopicPartition changelog) => _storesByChangelog[changelog].Store.Name;

    /// <summary>Applies a batch of changelog records to the store behind <paramref name="changelog"/>.</summary>
    /// <param name="changelog">The changelog partition the records were read from.</param>
    /// <param name="records">The records, in offset order.</param>
    /// <param name="lastOffset">The offset of the last record read, which the store now reflects.</param>
    public void Restore(TopicPartition changelog, IReadOnlyList<ChangelogRecord> records, long lastOffset)
    {
        _storesByChangelog[changelog].Restore.RestoreBatch(records);
        _offsets[changelog] = lastOffset;
    }

    /// <summary>Takes the offsets of what the task itself logged since it started (they follow any restored ones).</summary>
    public void UpdateChangelogOffsets(IRecordCollector collector)
    {
        foreach (var changelog in _storesByChangelog.Keys)
        {
            if (collector.TryGetOffset(changelog.Topic, changelog.Partition.Value, out var offset))
            {
                _offsets[changelog] = offset;
            }
        }
    }

    /// <summary>Changelog records the stores took in (restored or logged) since the last checkpoint.</summary>
    public long RecordsSinceCheckpoint() =>
        _offsets.Sum(entry => entry.Value - _checkpointed.GetValueOrDefault(entry.Key, -1));

    /// <summary>
    /// Records the current offsets as checkpointed and writes those of persistent stores to the checkpoint file.
    /// The stores must have been flushed first: the file promises that they hold everything up to these offsets.
    /// </summary>
    public void Checkpoint()
    {
        _checkpointed = new Dictionary<TopicPartition, long>(_offsets);
        _checkpointFile?.Write(_offsets
            .Where(entry => _storesByChangelog[entry.Key].Store.Persistent)
            .ToDictionary(entry => entry.Key, entry => entry.Value));
    }

    /// <summary>
    /// Parks the in-memory stores' contents, with their offsets, for the task's next owner on this instance; to be
    /// called on a clean close, after <see cref="Checkpoint"/> and before the stores close (which would drop them).
    /// Only change-logged stores park: what follows their offset can be restored.
    /// </summary>
    public void ParkInMemoryStores()
    {
        if (stateDirectory is null)
        {
            return;
        }

        var parked = new Dictionary<string, ParkedStore>();
        foreach (var (store, _, changelog) in _stores)
        {
            if (!store.Persistent && store is IInMemoryDataLayer layer && store.IsOpen
                && changelog is not null && _offsets.TryGetValue(changelog, out var offset))
            {
                parked.Add(store.Name, new ParkedStore(changelog, offset, layer.DetachContents()));
            }
        }

        stateDirectory.Parked.Park(TaskId, parked);
    }

    /// <summary>
    /// Deletes the checkpoint file: under exactly-once a task deletes it when it starts processing, so a crash
    /// before the next clean close finds none and wipes the stores, which may hold uncommitted writes.
    /// </summary>
    public void DeleteCheckpoint() => _checkpointFile?.Delete();

    private bool HoldsState() => Directory.EnumerateFileSystemEntries(TaskDirectory!).Any();

    private void Wipe()
    {
        stateDirectory!.Wipe(TaskId);
        _loaded = new Dictionary<TopicPartition, long>();
        _parked = new Dictionary<string, ParkedStore>();
    }

    /// <summary>A registered store's data layer, its restore callback and its changelog partition (null if not logged).</summary>
    public sealed record RegisteredStore(IStateStore Store, IBatchingStateRestoreCallback Restore, TopicPartition? Changelog);
}
