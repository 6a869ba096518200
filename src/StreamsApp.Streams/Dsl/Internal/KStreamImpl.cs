using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// A stream in the DSL: the node that produces it, the serdes known for it, and whether its key may have changed
/// since it was read (then a grouping or table conversion repartitions first).
/// </summary>
internal sealed partial class KStreamImpl<TKey, TValue>(
    InternalStreamsBuilder builder, string nodeName, ISerde<TKey>? keySerde, ISerde<TValue>? valueSerde, bool repartitionRequired)
    : IKStream<TKey, TValue>
{
    // The repartition joins of this stream share (RepartitionForJoin).
    private string? _joinRepartition;

    public string NodeName { get; } = nodeName;

    public IKStream<TKey, TValue> Filter(Func<TKey, TValue, bool> predicate, Named? named = null) =>
        FilterImpl(predicate, true, named);

    public IKStream<TKey, TValue> FilterNot(Func<TKey, TValue, bool> predicate, Named? named = null) =>
        FilterImpl(predicate, false, named);

    public IKStream<TKeyOut, TValueOut> Map<TKeyOut, TValueOut>(Func<TKey, TValue, KeyValue<TKeyOut, TValueOut>> mapper, Named? named = null)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        var name = Name(named, "KSTREAM-MAP-");
        builder.AddProcessor(name, () => new KStreamMapProcessor<TKey, TValue, TKeyOut, TValueOut>(mapper), NodeName);
        return new KStreamImpl<TKeyOut, TValueOut>(builder, name, null, null, true);
    }

    public IKStream<TKey, TValueOut> MapValues<TValueOut>(Func<TValue, TValueOut> mapper, Named? named = null)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return MapValues((_, value) => mapper(value), named);
    }

    public IKStream<TKey, TValueOut> MapValues<TValueOut>(Func<TKey, TValue, TValueOut> mapper, Named? named = null)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        var name = Name(named, "KSTREAM-MAPVALUES-");
        builder.AddFixedKeyProcessor(name, () => new KStreamMapValuesProcessor<TKey, TValue, TValueOut>(mapper), NodeName);
        return new KStreamImpl<TKey, TValueOut>(builder, name, keySerde, null, repartitionRequired);
    }

    public IKStream<TKeyOut, TValueOut> FlatMap<TKeyOut, TValueOut>(
        Func<TKey, TValue, IEnumerable<KeyValue<TKeyOut, TValueOut>>> mapper, Named? named = null)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        var name = Name(named, "KSTREAM-FLATMAP-");
        builder.AddProcessor(name, () => new KStreamFlatMapProcessor<TKey, TValue, TKeyOut, TValueOut>(mapper), NodeName);
        return new KStreamImpl<TKeyOut, TValueOut>(builder, name, null, null, true);
    }

    public IKStream<TKey, TValueOut> FlatMapValues<TValueOut>(Func<TValue, IEnumerable<TValueOut>> mapper, Named? named = null)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return FlatMapValues((_, value) => mapper(value), named);
    }

    public IKStream<TKey, TValueOut> FlatMapValues<TValueOut>(Func<TKey, TValue, IEnumerable<TValueOut>> mapper, Named? named = null)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        var name = Name(named, "KSTREAM-FLATMAPVALUES-");
        builder.AddFixedKeyProcessor(name, () => new KStreamFlatMapValuesProcessor<TKey, TValue, TValueOut>(mapper), NodeName);
        return new KStreamImpl<TKey, TValueOut>(builder, name, keySerde, null, repartitionRequired);
    }

    public IKStream<TKeyOut, TValue> SelectKey<TKeyOut>(Func<TKey, TValue, TKeyOut> keySelector, Named? named = null)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        var name = Name(named, "KSTREAM-KEY-SELECT-");
        builder.AddProcessor(
            name, () => new KStreamMapProcessor<TKey, TValue, TKeyOut, TValue>((k, v) => new(keySelector(k, v), v)), NodeName);
        return new KStreamImpl<TKeyOut, TValue>(builder, name, null, valueSerde, true);
    }

    public IKStream<TKey, TValue> Peek(Action<TKey, TValue> action, Named? named = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var name = Name(named, "KSTREAM-PEEK-");
        builder.AddFixedKeyProcessor(name, () => new KStreamPeekProcessor<TKey, TValue>(action, forward: true), NodeName);
        return With(name);
    }

    public void Foreach(Action<TKey, TValue> action, Named? named = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        builder.AddFixedKeyProcessor(
            Name(named, "KSTREAM-FOREACH-"), () => new KStreamPeekProcessor<TKey, TValue>(action, forward: false), NodeName);
    }

    public IKStream<TKey, TValue> Merge(IKStream<TKey, TValue> other, Named? named = null)
    {
        var otherImpl = (KStreamImpl<TKey, TValue>)other;
        var name = Name(named, "KSTREAM-MERGE-");
        builder.AddFixedKeyProcessor(name, () => new PassThroughProcessor<TKey, TValue>(), NodeName, otherImpl.NodeName);
        return new KStreamImpl<TKey, TValue>(builder, name, null, null, repartitionRequired || otherImpl.RepartitionRequired);
    }

    public IBranchedKStream<TKey, TValue> Split(Named? named = null) =>
        new BranchedKStreamImpl<TKey, TValue>(builder, this, Name(named, "KSTREAM-BRANCH-"));

    public void To(string topic, Produced<TKey, TValue>? produced = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        AddSink(topic, null, produced);
    }

    public void To(TopicNameExtractor<TKey, TValue> topicExtractor, Produced<TKey, TValue>? produced = null)
    {
        ArgumentNullException.ThrowIfNull(topicExtractor);
        AddSink(null, topicExtractor, produced);
    }

    public IKTable<TKey, TValue> ToTable(Named? named = null, Materialized<TKey, TValue>? materialized = null)
    {
        var name = Name(named, "KSTREAM-TOTABLE-");
        var (storeName, queryable) = MaterializedResolver.StoreName(materialized, builder, "KSTREAM-TOTABLE-");
        var keys = InternalStreamsBuilder.SerdeOrDefault(materialized?.KeySerde ?? keySerde, $"ToTable '{name}'");
        var values = InternalStreamsBuilder.SerdeOrDefault(materialized?.ValueSerde ?? valueSerde, $"ToTable '{name}'");
        var parent = repartitionRequired
            ? builder.Repartition(NodeName, name, keys, values)
            : NodeName;
        return KTableImpl<TKey, TValue>.Source(builder, name, parent, storeName, queryable, materialized, keys, values);
    }

    public IKGroupedStream<TKey, TValue> GroupByKey(Grouped<TKey, TValue>? grouped = null) =>
        new KGroupedStreamImpl<TKey, TValue>(
            builder, NodeName, grouped?.KeySerde ?? keySerde, grouped?.ValueSerde ?? valueSerde, repartitionRequired, grouped?.Name);

    public IKGroupedStream<TKeyOut, TValue> GroupBy<TKeyOut>(Func<TKey, TValue, TKeyOut> keySelector, Grouped<TKeyOut, TValue>? grouped = null)
    {
        // Kafka Streams names the key selector after the group (KStreamImpl.groupBy), its topic <group>-repartition.
        var selected = (KStreamImpl<TKeyOut, TValue>)SelectKey(keySelector, grouped?.Name is { } groupName ? Named.As(groupName) : null);
        return new KGroupedStreamImpl<TKeyOut, TValue>(
            builder, selected.NodeName, grouped?.KeySerde, grouped?.ValueSerde ?? valueSerde, true, grouped?.Name);
    }

    public IKStream<TKeyOut, TValueOut> Process<TKeyOut, TValueOut>(
        Func<IProcessor<TKey, TValue, TKeyOut, TValueOut>> supplier, Named? named = null, params string[] stateStoreNames)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        var name = ProcessName(named, "KSTREAM-PROCESSOR-");
        builder.AddProcessor(name, supplier, NodeName);
        ConnectStores(name, stateStoreNames);
        return new KStreamImpl<TKeyOut, TValueOut>(builder, name, null, null, true);
    }

    public IKStream<TKey, TValueOut> ProcessValues<TValueOut>(
        Func<IFixedKeyProcessor<TKey, TValue, TValueOut>> supplier, Named? named = null, params string[] stateStoreNames)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        var name = ProcessName(named, "KSTREAM-PROCESSVALUES-");
        builder.AddFixedKeyProcessor(name, supplier, NodeName);
        ConnectStores(name, stateStoreNames);
        return new KStreamImpl<TKey, TValueOut>(builder, name, keySerde, null, repartitionRequired);
    }

    internal bool RepartitionRequired => repartitionRequired;

    /// <summary>A stream with the same types, serdes and repartition need, produced by another node.</summary>
    internal KStreamImpl<TKey, TValue> With(string name) => new(builder, name, keySerde, valueSerde, repartitionRequired);

    private KStreamImpl<TKey, TValue> FilterImpl(Func<TKey, TValue, bool> predicate, bool keepWhen, Named? named)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var name = Name(named, "KSTREAM-FILTER-");
        builder.AddFixedKeyProcessor(name, () => new KStreamFilterProcessor<TKey, TValue>(predicate, keepWhen), NodeName);
        return With(name);
    }

    private void AddSink(string? topic, TopicNameExtractor<TKey, TValue>? extractor, Produced<TKey, TValue>? produced)
    {
        var name = builder.NameOrGenerate(produced?.Name, "KSTREAM-SINK-");
        builder.Topology.AddSink(
            name,
            topic,
            extractor,
            InternalStreamsBuilder.SerdeOrDefault(produced?.KeySerde ?? keySerde, $"Sink '{name}'"),
            InternalStreamsBuilder.SerdeOrDefault(produced?.ValueSerde ?? valueSerde, $"Sink '{name}'"),
            produced?.Partitioner,
            [NodeName]);
    }

    private void ConnectStores(string processorName, string[] storeNames)
    {
        foreach (var store in storeNames)
        {
            builder.Topology.ConnectProcessorAndStore(processorName, store);
        }
    }

    private string Name(Named? named, string prefix) => builder.NameOrGenerate(named?.Name, prefix);

    /// <summary>Process and ProcessValues alone draw no number for a user's name (Kafka Streams' KStreamImpl.process).</summary>
    private string ProcessName(Named? named, string prefix) => named?.Name ?? builder.NewProcessorName(prefix);
}
