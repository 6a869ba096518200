using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// Global stores: a source and a processor that keep a fully replicated store up to date from its topic (which is
/// also its changelog). They are not part of any task; every task's processors may read the store.
/// </summary>
internal sealed partial class InternalTopologyBuilder
{
    private readonly HashSet<string> _globalNodeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _globalStoreNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _globalTopics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _globalTopicByStore = new(StringComparer.Ordinal);

    /// <summary>The topics global stores are read from.</summary>
    public IReadOnlySet<string> GlobalTopics => _globalTopics;

    public bool IsGlobalStore(string storeName) => _globalStoreNames.Contains(storeName);

    public IReadOnlySet<string> GlobalStoreNames => _globalStoreNames;

    /// <summary>Each global store's topic, which is also its changelog: the global thread checkpoints its partitions.</summary>
    public IReadOnlyDictionary<string, string> GlobalTopicByStore => _globalTopicByStore;

    /// <summary>
    /// Adds a global store with the source reading its topic and the processor (a child of the source) updating it.
    /// The store gets no caching layer: the global thread writes it while stream threads read it, and the cache (which
    /// a read also fills) is not thread-safe; reads must see each update at once anyway.
    /// </summary>
    public void AddGlobalStore<TKey, TValue>(
        IStoreBuilder<IStateStore> storeBuilder, string sourceName, string topic, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        TimestampExtractor<TKey, TValue>? extractor, ProcessorNodeFactory processor)
    {
        if (storeBuilder.LoggingEnabled)
        {
            throw new TopologyException(
                $"global state store '{storeBuilder.Name}' must have logging disabled: its topic '{topic}' is its changelog");
        }

        if (processor.Predecessors is not [var parent] || parent != sourceName)
        {
            throw new TopologyException($"the processor of global state store '{storeBuilder.Name}' must have source '{sourceName}' as its only parent");
        }

        storeBuilder.WithCachingDisabled();
        AddSource(sourceName, [topic], keySerde, valueSerde, extractor);
        AddProcessor(processor);
        _globalNodeNames.Add(sourceName);
        _globalNodeNames.Add(processor.Name);
        _globalStoreNames.Add(storeBuilder.Name);
        _globalTopics.Add(topic);
        _globalTopicByStore[storeBuilder.Name] = topic;
        AddStateStore(storeBuilder, [processor.Name]);
    }

    /// <summary>The global stores' sub-topologies (for Describe), numbered among the others.</summary>
    public IReadOnlyList<Subtopology> GlobalSubtopologies() => [.. SubtopologyGrouper.Group(this).Where(IsGlobal)];

    /// <summary>One instance of every global source, processor and store, or null when there are none.</summary>
    public ProcessorTopology? BuildGlobal(string applicationId)
    {
        var global = GlobalSubtopologies();
        if (global.Count == 0)
        {
            return null;
        }

        var all = new Subtopology(
            -1,
            global.SelectMany(s => s.NodeNames).ToHashSet(StringComparer.Ordinal),
            [.. global.SelectMany(s => s.SourceTopics)],
            [.. global.SelectMany(s => s.StoreNames)]);
        return BuildTask(all, applicationId);
    }

    private bool IsGlobal(Subtopology subtopology) => subtopology.NodeNames.Overlaps(_globalNodeNames);
}
