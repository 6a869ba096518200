using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams;

/// <summary>
/// A processing graph of sources, processors and sinks, with its state stores: built node by node here (the
/// Processor API) or by <see cref="Dsl.StreamsBuilder"/>. Parents must be added before their children; every
/// mistake is reported when the node is added, with a <see cref="Errors.TopologyException"/>.
/// </summary>
public sealed class Topology
{
    internal Topology()
        : this(new InternalTopologyBuilder())
    {
    }

    internal Topology(InternalTopologyBuilder builder) => Builder = builder;

    internal InternalTopologyBuilder Builder { get; }

    /// <summary>Creates an empty topology for the Processor API.</summary>
    public static Topology Create() => new();

    /// <summary>Adds a source node reading the given topics.</summary>
    public Topology AddSource<TKey, TValue>(
        string name, ISerde<TKey> keySerde, ISerde<TValue> valueSerde, params string[] topics) =>
        AddSource(name, keySerde, valueSerde, null, topics);

    /// <summary>Adds a source node reading the given topics with a typed timestamp extractor.</summary>
    public Topology AddSource<TKey, TValue>(
        string name, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        TimestampExtractor<TKey, TValue>? timestampExtractor, params string[] topics)
    {
        Builder.AddSource(name, topics, keySerde, valueSerde, timestampExtractor);
        return this;
    }

    /// <summary>Adds a processor whose instances (one per task) come from <paramref name="supplier"/>.</summary>
    public Topology AddProcessor<TKeyIn, TValueIn, TKeyOut, TValueOut>(
        string name, Func<IProcessor<TKeyIn, TValueIn, TKeyOut, TValueOut>> supplier, params string[] parentNames)
    {
        Builder.AddProcessor(new ProcessorNodeFactory<TKeyIn, TValueIn, TKeyOut, TValueOut>(name, supplier, parentNames));
        return this;
    }

    /// <summary>Adds a sink writing to a fixed topic, partitioned by the serialized key's murmur2 hash.</summary>
    public Topology AddSink<TKey, TValue>(
        string name, string topic, ISerde<TKey> keySerde, ISerde<TValue> valueSerde, params string[] parentNames) =>
        AddSink(name, topic, keySerde, valueSerde, null, parentNames);

    /// <summary>Adds a sink writing to a fixed topic with a custom partitioner.</summary>
    public Topology AddSink<TKey, TValue>(
        string name, string topic, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        StreamPartitioner<TKey, TValue>? partitioner, params string[] parentNames)
    {
        Builder.AddSink(name, topic, null, keySerde, valueSerde, partitioner, parentNames);
        return this;
    }

    /// <summary>Adds a sink whose topic is chosen per record.</summary>
    public Topology AddSink<TKey, TValue>(
        string name, TopicNameExtractor<TKey, TValue> topicExtractor, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        params string[] parentNames)
    {
        Builder.AddSink(name, null, topicExtractor, keySerde, valueSerde, null, parentNames);
        return this;
    }

    /// <summary>Adds a state store (one instance per task) and connects it to the named processors.</summary>
    public Topology AddStateStore(IStoreBuilder<IStateStore> storeBuilder, params string[] processorNames)
    {
        Builder.AddStateStore(storeBuilder, processorNames);
        return this;
    }

    /// <summary>
    /// Adds a global store: fully replicated to every instance, kept up to date by <paramref name="stateUpdateSupplier"/>'s
    /// processor from every partition of <paramref name="topic"/>, and readable by every processor without being
    /// connected. The topic is the store's changelog, so the store builder must have logging disabled; its caching is
    /// turned off, since the global thread writes the store while stream threads read it. The processor has no
    /// children: what it forwards goes nowhere.
    /// </summary>
    public Topology AddGlobalStore<TKey, TValue, TKeyOut, TValueOut>(
        IStoreBuilder<IStateStore> storeBuilder, string sourceName, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        string topic, string processorName, Func<IProcessor<TKey, TValue, TKeyOut, TValueOut>> stateUpdateSupplier,
        TimestampExtractor<TKey, TValue>? timestampExtractor = null)
    {
        ArgumentNullException.ThrowIfNull(storeBuilder);
        ArgumentNullException.ThrowIfNull(stateUpdateSupplier);
        Builder.AddGlobalStore(
            storeBuilder, sourceName, topic, keySerde, valueSerde, timestampExtractor,
            new ProcessorNodeFactory<TKey, TValue, TKeyOut, TValueOut>(processorName, stateUpdateSupplier, [sourceName]));
        return this;
    }

    /// <summary>Lets a processor use stores added before.</summary>
    public Topology ConnectProcessorAndStateStores(string processorName, params string[] storeNames)
    {
        foreach (var store in storeNames)
        {
            Builder.ConnectProcessorAndStore(processorName, store);
        }

        return this;
    }

    /// <summary>Describes the topology: sub-topologies, nodes, stores and topics.</summary>
    public TopologyDescription Describe() => TopologyDescriber.Describe(Builder);
}
