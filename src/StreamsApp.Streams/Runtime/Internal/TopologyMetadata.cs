using Confluent.Kafka;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// What the runtime knows about a topology once the cluster is prepared: partition counts of every topic it reads
/// or owns, tasks per sub-topology, and which sub-topology reads which topic.
/// </summary>
internal sealed class TopologyMetadata
{
    private readonly Dictionary<string, int> _subtopologyByTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Subtopology> _subtopologies = [];
    private readonly HashSet<string> _changelogsKeepingEveryKey;

    public TopologyMetadata(
        InternalTopologyBuilder builder, string applicationId, IReadOnlyDictionary<string, int> partitionCounts,
        IReadOnlyDictionary<int, int> tasksPerSubtopology)
    {
        Builder = builder;
        ApplicationId = applicationId;
        PartitionCounts = partitionCounts;
        TasksPerSubtopology = tasksPerSubtopology;
        foreach (var subtopology in builder.Subtopologies())
        {
            _subtopologies[subtopology.Id] = subtopology;
            foreach (var topic in subtopology.SourceTopics)
            {
                _subtopologyByTopic[builder.ResolveTopic(applicationId, topic)] = subtopology.Id;
            }
        }

        _changelogsKeepingEveryKey = builder.Stores.Values
            .Where(s => s.Builder.LoggingEnabled && s.Builder.LogConfig.GetValueOrDefault("cleanup.policy") == "compact")
            .Select(s => InternalTopologyBuilder.ChangelogTopic(applicationId, s.Builder.Name))
            .ToHashSet(StringComparer.Ordinal);
    }

    public InternalTopologyBuilder Builder { get; }

    public string ApplicationId { get; }

    /// <summary>Partition counts of source, global, repartition and changelog topics.</summary>
    public IReadOnlyDictionary<string, int> PartitionCounts { get; }

    public IReadOnlyDictionary<int, int> TasksPerSubtopology { get; }

    /// <summary>Every topic the stream threads subscribe to (external sources and repartition topics).</summary>
    public IReadOnlyCollection<string> SourceTopics => _subtopologyByTopic.Keys;

    /// <summary>The global topics, read in full by every instance.</summary>
    public IReadOnlySet<string> GlobalTopics => Builder.GlobalTopics;

    /// <summary>Store name → changelog topic of every logged store.</summary>
    public IReadOnlyDictionary<string, string> ChangelogTopics => Builder.ChangelogTopics(ApplicationId);

    /// <summary>
    /// Whether a changelog topic must keep every key: compaction only (key-value stores), unlike the changelogs of
    /// window and session stores, whose retention deletes old windows on purpose.
    /// </summary>
    public bool KeepsEveryKey(string changelogTopic) => _changelogsKeepingEveryKey.Contains(changelogTopic);

    /// <summary>Changelog topic → the sub-topology whose tasks' stores it backs.</summary>
    public IReadOnlyDictionary<string, int> SubtopologyByChangelog =>
        ChangelogTopics
            .Select(entry => (Topic: entry.Value, Subtopology: _subtopologies.Values.FirstOrDefault(s => s.StoreNames.Contains(entry.Key))))
            .Where(entry => entry.Subtopology is not null)
            .ToDictionary(entry => entry.Topic, entry => entry.Subtopology!.Id, StringComparer.Ordinal);

    public Subtopology Subtopology(int id) => _subtopologies[id];

    /// <summary>The task a consumed partition feeds.</summary>
    public TaskId TaskFor(TopicPartition partition) => TaskFor(partition.Topic, partition.Partition.Value);

    /// <summary>The task a consumed record feeds (no <see cref="TopicPartition"/> to allocate per record).</summary>
    public TaskId TaskFor(string topic, int partition) => new(_subtopologyByTopic[topic], partition);
}
