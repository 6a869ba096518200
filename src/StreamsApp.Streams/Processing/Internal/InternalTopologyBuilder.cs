using System.Globalization;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// The topology blueprint: nodes, stores and internal topics as added by the Processor API or the DSL, checked as
/// they are added (names, parents, record types), cut into sub-topologies on demand.
/// </summary>
internal sealed partial class InternalTopologyBuilder
{
    private readonly Dictionary<string, NodeFactory> _nodes = new(StringComparer.Ordinal);
    private readonly List<NodeFactory> _nodeOrder = [];
    private readonly Dictionary<string, StoreFactory> _stores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sourceTopicOwners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _internalTopics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _internalTopicPartitions = new(StringComparer.Ordinal);
    private int _index;

    public IReadOnlyList<NodeFactory> Nodes => _nodeOrder;

    public IReadOnlyDictionary<string, StoreFactory> Stores => _stores;

    public IReadOnlySet<string> InternalTopics => _internalTopics;

    /// <summary>Internal topics whose partition count was chosen (<c>Repartitioned.NumberOfPartitions</c>).</summary>
    public IReadOnlyDictionary<string, int> InternalTopicPartitions => _internalTopicPartitions;

    /// <summary>A generated name, <c>PREFIX-0000000042</c>; nodes and stores share the counter, as in Kafka Streams.</summary>
    public string NewName(string prefix) => prefix + (_index++).ToString("D10", CultureInfo.InvariantCulture);

    public NodeFactory Node(string name) =>
        _nodes.TryGetValue(name, out var node) ? node : throw new TopologyException($"no node named '{name}'");

    public void AddSource<TKey, TValue>(
        string name, IReadOnlyList<string> topics, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        TimestampExtractor<TKey, TValue>? extractor)
    {
        if (topics.Count == 0)
        {
            throw new TopologyException($"source '{name}' must read at least one topic");
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            ValidateTopicName(topic);
            if (_sourceTopicOwners.TryGetValue(topic, out var owner))
            {
                throw new TopologyException($"topic '{topic}' is already read by source '{owner}'; a topic may have one source");
            }

            // Checked here, before anything is registered, so that the topology stays as it was.
            if (!listed.Add(topic))
            {
                throw new TopologyException($"source '{name}' lists topic '{topic}' twice");
            }
        }

        Add(new SourceNodeFactory<TKey, TValue>(name, topics, keySerde, valueSerde, extractor));
        foreach (var topic in topics)
        {
            _sourceTopicOwners.Add(topic, name);
        }
    }

    public void AddProcessor(ProcessorNodeFactory factory) => Add(factory);

    public void AddSink<TKey, TValue>(
        string name, string? topic, TopicNameExtractor<TKey, TValue>? extractor, ISerde<TKey> keySerde,
        ISerde<TValue> valueSerde, StreamPartitioner<TKey, TValue>? partitioner, IReadOnlyList<string> parents)
    {
        if (topic is not null)
        {
            ValidateTopicName(topic);
        }

        Add(new SinkNodeFactory<TKey, TValue>(name, topic, extractor, keySerde, valueSerde, partitioner, parents));
    }

    public void AddStateStore(IStoreBuilder<IStateStore> builder, IEnumerable<string> processorNames)
    {
        if (_stores.ContainsKey(builder.Name))
        {
            throw new TopologyException($"a state store named '{builder.Name}' already exists");
        }

        _stores.Add(builder.Name, new StoreFactory(builder));
        foreach (var processor in processorNames)
        {
            ConnectProcessorAndStore(processor, builder.Name);
        }
    }

    /// <summary>
    /// Prepares the blueprint for a configuration, as Kafka Streams' <c>rewriteTopology</c>: with no cache budget
    /// (<see cref="StreamsConfig.CacheMaxBytesBuffering"/> = 0) every store loses its caching layer, so that processors
    /// forward each update themselves. A zero-byte cache would still drop what a cache flush drops (a delete of a key
    /// the store never had), which an uncached store's processor forwards.
    /// </summary>
    public void ApplyConfig(StreamsConfig config)
    {
        if (config.CacheMaxBytesBuffering != 0)
        {
            return;
        }

        foreach (var store in _stores.Values)
        {
            store.Builder.WithCachingDisabled();
        }
    }

    public void ConnectProcessorAndStore(string processorName, string storeName)
    {
        if (!_stores.ContainsKey(storeName))
        {
            throw new TopologyException($"state store '{storeName}' is not added yet (add it before connecting processors)");
        }

        if (_globalStoreNames.Contains(storeName) && !_globalNodeNames.Contains(processorName))
        {
            throw new TopologyException(
                $"global state store '{storeName}' can be used by any processor without being connected; do not connect it to '{processorName}'");
        }

        if (Node(processorName) is not ProcessorNodeFactory processor)
        {
            throw new TopologyException($"'{processorName}' is not a processor, so it cannot use state store '{storeName}'");
        }

        processor.ConnectStore(storeName);
    }

    /// <summary>
    /// Marks a topic as internal: the runtime prefixes it with the application id and creates it, with
    /// <paramref name="partitions"/> partitions when given, else as many as the sub-topologies around it need.
    /// </summary>
    public void AddInternalTopic(string topic, int? partitions = null)
    {
        _internalTopics.Add(topic);
        if (partitions is { } count)
        {
            _internalTopicPartitions[topic] = count;
        }
    }

    /// <summary>The topic's name on the cluster: internal topics are prefixed with the application id.</summary>
    public string ResolveTopic(string applicationId, string topic) =>
        _internalTopics.Contains(topic) ? $"{applicationId}-{topic}" : topic;

    /// <summary>Store name → changelog topic for every logged store.</summary>
    public IReadOnlyDictionary<string, string> ChangelogTopics(string applicationId) =>
        _stores.Values.Where(s => s.Builder.LoggingEnabled)
            .ToDictionary(s => s.Builder.Name, s => ChangelogTopic(applicationId, s.Builder.Name), StringComparer.Ordinal);

    public static string ChangelogTopic(string applicationId, string storeName) => $"{applicationId}-{storeName}-changelog";

    /// <summary>
    /// The sub-topologies that generate tasks, numbered as Kafka Streams numbers them (global stores' sub-topologies
    /// take numbers too, so the numbering may have gaps).
    /// </summary>
    public IReadOnlyList<Subtopology> Subtopologies() => [.. SubtopologyGrouper.Group(this).Where(s => !IsGlobal(s))];

    /// <summary>Creates the nodes and stores of one sub-topology for one task.</summary>
    public ProcessorTopology BuildTask(Subtopology subtopology, string applicationId)
    {
        string Resolve(string topic) => ResolveTopic(applicationId, topic);
        var nodes = new Dictionary<string, ProcessorNode>(StringComparer.Ordinal);
        foreach (var factory in _nodeOrder)
        {
            if (subtopology.NodeNames.Contains(factory.Name))
            {
                nodes.Add(factory.Name, factory.Build(Resolve));
            }
        }

        foreach (var factory in _nodeOrder)
        {
            if (nodes.TryGetValue(factory.Name, out var node))
            {
                foreach (var successor in factory.Successors)
                {
                    node.AddChild(nodes[successor]);
                }
            }
        }

        var sources = new Dictionary<string, SourceNode>(StringComparer.Ordinal);
        foreach (var factory in _nodeOrder.OfType<ISourceNodeFactory>())
        {
            var name = ((NodeFactory)factory).Name;
            if (nodes.TryGetValue(name, out var node))
            {
                foreach (var topic in factory.Topics)
                {
                    sources.Add(Resolve(topic), (SourceNode)node);
                }
            }
        }

        // Stores in the order of the processors using them (parents are added before children), as Kafka Streams
        // registers them: a commit flushes stores in this order, so what an upstream cache forwards on flush reaches
        // a downstream cache before that one flushes, in the same commit rather than the next.
        var stores = _nodeOrder.OfType<ProcessorNodeFactory>()
            .Where(p => nodes.ContainsKey(p.Name))
            .SelectMany(p => p.Stores)
            .Distinct(StringComparer.Ordinal)
            .Select(s => _stores[s].Builder)
            .ToList();
        return new ProcessorTopology(subtopology, [.. nodes.Values], sources, stores);
    }

    private void Add(NodeFactory factory)
    {
        if (string.IsNullOrWhiteSpace(factory.Name))
        {
            throw new TopologyException("a node name must not be empty");
        }

        if (_nodes.ContainsKey(factory.Name))
        {
            throw new TopologyException($"a node named '{factory.Name}' already exists");
        }

        if (factory.InputTypes is { } input && factory.Predecessors.Count == 0)
        {
            throw new TopologyException($"node '{factory.Name}' needs at least one parent");
        }

        foreach (var parentName in factory.Predecessors)
        {
            var parent = Node(parentName);
            if (parent.OutputTypes is not { } output)
            {
                throw new TopologyException($"sink '{parentName}' cannot be the parent of '{factory.Name}'");
            }

            if (factory.InputTypes is { } accepted && accepted != output)
            {
                throw new TopologyException(
                    $"node '{factory.Name}' accepts <{accepted.Key.Name}, {accepted.Value.Name}> but its parent " +
                    $"'{parentName}' forwards <{output.Key.Name}, {output.Value.Name}>");
            }
        }

        _nodes.Add(factory.Name, factory);
        _nodeOrder.Add(factory);
        foreach (var parentName in factory.Predecessors)
        {
            _nodes[parentName].Successors.Add(factory.Name);
        }
    }

    private static void ValidateTopicName(string topic)
    {
        // Kafka's own rules (org.apache.kafka.common.internals.Topic.validate), "." and ".." included.
        if (string.IsNullOrWhiteSpace(topic) || topic.Length > 249 || topic is "." or ".."
            || !topic.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new TopologyException(
                $"'{topic}' is not a valid topic name (1 to 249 letters, digits, '.', '_' or '-'; not '.' or '..')");
        }
    }

    /// <summary>A store in the blueprint: its builder (one store instance per task).</summary>
    public sealed record StoreFactory(IStoreBuilder<IStateStore> Builder);
}
