using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// The global stores' offsets and checkpoint (Kafka Streams' global state manager). The global directory's
/// <c>.checkpoint</c> (<see cref="OffsetCheckpoint"/>'s format) holds, for each partition of a persistent global
/// store's topic, the next offset to read — as Kafka's global checkpoint does, unlike a task's, which holds the last
/// restored offset. A persistent store resumes there only when every partition of its topic has an offset within the
/// partition's range now; otherwise (no checkpoint after a crash, so the store may hold part of the topic; a
/// checkpoint out of range, Kafka's InvalidOffsetException) its files are deleted before it opens and it is rebuilt
/// from the beginning. In-memory stores always start from the beginning and are never checkpointed.
/// </summary>
internal sealed class GlobalStateManager
{
    private readonly string _directory;
    private readonly IReadOnlyDictionary<string, string> _topicByStore;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<TopicPartition>> _partitionsByStore;
    private readonly OffsetCheckpoint _file;
    private readonly ILogger _log;
    private readonly Dictionary<TopicPartition, long> _offsets = [];
    private readonly HashSet<TopicPartition> _persistent = [];
    private readonly Dictionary<TopicPartition, long> _resumable = [];

    /// <param name="directory">The global directory (<see cref="StateDirectory.GlobalDirectory"/>).</param>
    /// <param name="topicByStore">Each global store's topic.</param>
    /// <param name="partitionCounts">The partition count of each topic.</param>
    /// <param name="log">Where wipes are logged.</param>
    public GlobalStateManager(
        string directory, IReadOnlyDictionary<string, string> topicByStore, IReadOnlyDictionary<string, int> partitionCounts, ILogger log)
    {
        _directory = directory;
        _topicByStore = topicByStore;
        _partitionsByStore = topicByStore.ToDictionary(
            entry => entry.Key,
            entry => (IReadOnlyList<TopicPartition>)[.. Enumerable.Range(0, partitionCounts[entry.Value]).Select(p => new TopicPartition(entry.Value, p))]);
        _file = new OffsetCheckpoint(Path.Combine(directory, OffsetCheckpoint.FileName));
        _log = log;
        Partitions = [.. _partitionsByStore.Values.SelectMany(p => p)];
    }

    /// <summary>Every partition of the global topics.</summary>
    public IReadOnlyList<TopicPartition> Partitions { get; }

    /// <summary>Records applied since the last checkpoint.</summary>
    public long RecordsSinceCheckpoint { get; private set; }

    /// <summary>
    /// Reads the checkpoint before the stores open and wipes each store that cannot resume from it.
    /// </summary>
    /// <param name="watermarks">Each partition's offsets now: a checkpointed offset outside them is out of range.</param>
    public void LoadCheckpoint(IReadOnlyDictionary<TopicPartition, WatermarkOffsets> watermarks)
    {
        IReadOnlyDictionary<TopicPartition, long> checkpoint;
        try
        {
            checkpoint = _file.Read();
        }
        catch (InvalidDataException e)
        {
            _log.CorruptGlobalCheckpoint(e);
            checkpoint = new Dictionary<TopicPartition, long>();
        }

        foreach (var (store, partitions) in _partitionsByStore)
        {
            var outOfRange = partitions.Where(p => checkpoint.TryGetValue(p, out var offset) && !InRange(offset, watermarks[p])).ToList();
            if (outOfRange.Count == 0 && partitions.All(checkpoint.ContainsKey))
            {
                foreach (var partition in partitions)
                {
                    _resumable[partition] = checkpoint[partition];
                }
            }
            else
            {
                Wipe(store, outOfRange.Count > 0
                    ? $"its checkpointed offsets of {string.Join(", ", outOfRange)} are out of range"
                    : "it has no checkpointed offset for every partition");
            }
        }
    }

    /// <summary>
    /// Where each partition starts, once the stores are open: a persistent store's checkpointed offsets, else the
    /// beginning (the low watermark, so that even an empty partition gets an offset to checkpoint).
    /// </summary>
    /// <param name="stores">The open stores' data layers, as registered: their <see cref="IStateStore.Persistent"/> counts.</param>
    /// <param name="watermarks">Each partition's offsets, as given to <see cref="LoadCheckpoint"/>.</param>
    public IReadOnlyList<TopicPartitionOffset> StartOffsets(IEnumerable<IStateStore> stores, IReadOnlyDictionary<TopicPartition, WatermarkOffsets> watermarks)
    {
        foreach (var store in stores.Where(s => s.Persistent && _partitionsByStore.ContainsKey(s.Name)))
        {
            _persistent.UnionWith(_partitionsByStore[store.Name]);
        }

        foreach (var partition in Partitions)
        {
            _offsets[partition] = _persistent.Contains(partition) && _resumable.TryGetValue(partition, out var offset)
                ? offset
                : watermarks[partition].Low.Value;
        }

        return [.. _offsets.Select(entry => new TopicPartitionOffset(entry.Key, entry.Value))];
    }

    /// <summary>Takes a record the stores now hold: its partition's next offset is one past it.</summary>
    public void Applied(TopicPartition partition, long offset)
    {
        _offsets[partition] = offset + 1;
        RecordsSinceCheckpoint++;
    }

    /// <summary>
    /// Writes the persistent stores' next offsets. The stores must have been flushed first: the file promises that
    /// they hold everything before these offsets.
    /// </summary>
    public void Checkpoint()
    {
        _file.Write(_offsets.Where(entry => _persistent.Contains(entry.Key)).ToDictionary(entry => entry.Key, entry => entry.Value));
        RecordsSinceCheckpoint = 0;
    }

    // The high watermark itself is in range: the store holds the whole partition.
    private static bool InRange(long offset, WatermarkOffsets watermarks) => offset >= watermarks.Low.Value && offset <= watermarks.High.Value;

    /// <summary>
    /// Deletes a store's files where Kafka Streams' stores keep them (<c>rocksdb/&lt;name&gt;</c>, or
    /// <c>&lt;name&gt;</c>); an in-memory store has none.
    /// </summary>
    private void Wipe(string store, string reason)
    {
        var wiped = false;
        foreach (var path in new[] { Path.Combine(_directory, "rocksdb", store), Path.Combine(_directory, store) })
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
                wiped = true;
            }
        }

        if (wiped)
        {
            _log.WipingGlobalStore(store, reason, _topicByStore[store]);
        }
    }
}
