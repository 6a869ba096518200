using Confluent.Kafka;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal.Queries;

/// <summary>Where each store of a prepared topology lives: its sub-topology (so its tasks), their source topics and partition counts.</summary>
internal sealed class StoreTopology
{
    private readonly Dictionary<string, int> _subtopologyByStore = new(StringComparer.Ordinal);
    private readonly Dictionary<int, IReadOnlySet<string>> _storesBySubtopology = [];
    private readonly Dictionary<int, IReadOnlyList<string>> _sourceTopics = [];
    private readonly TopologyMetadata _topology;

    public StoreTopology(TopologyMetadata topology)
    {
        _topology = topology;
        foreach (var subtopology in topology.Builder.Subtopologies())
        {
            _storesBySubtopology[subtopology.Id] = subtopology.StoreNames.ToHashSet(StringComparer.Ordinal);
            _sourceTopics[subtopology.Id] = [.. subtopology.SourceTopics.Select(t => topology.Builder.ResolveTopic(topology.ApplicationId, t))];
            foreach (var store in subtopology.StoreNames)
            {
                _subtopologyByStore[store] = subtopology.Id;
            }
        }
    }

    public IReadOnlySet<string> GlobalStores => _topology.Builder.GlobalStoreNames;

    public int? SubtopologyOf(string store) => _subtopologyByStore.TryGetValue(store, out var id) ? id : null;

    /// <summary>The partition count of a task store (its sub-topology's task count); null for global or unknown stores.</summary>
    public int? PartitionCount(string store) => SubtopologyOf(store) is { } id ? _topology.TasksPerSubtopology[id] : null;

    /// <summary>The topic a key is partitioned by, as Kafka Streams: the store's source topic with the most partitions.</summary>
    public string PartitioningTopic(int subtopology) =>
        _sourceTopics[subtopology].MaxBy(t => _topology.PartitionCounts.GetValueOrDefault(t))!;

    /// <summary>The stores of a set of tasks, with every global store.</summary>
    public IReadOnlySet<string> StoresOf(IEnumerable<TaskId> tasks) =>
        tasks.SelectMany(t => _storesBySubtopology.GetValueOrDefault(t.Subtopology) ?? new HashSet<string>())
            .Concat(GlobalStores).ToHashSet(StringComparer.Ordinal);

    /// <summary>The source partitions of a set of tasks.</summary>
    public IReadOnlySet<TopicPartition> PartitionsOf(IEnumerable<TaskId> tasks) =>
        tasks.SelectMany(t => (_sourceTopics.GetValueOrDefault(t.Subtopology) ?? []).Select(topic => new TopicPartition(topic, t.Partition)))
            .ToHashSet();
}
