using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// The DSL's side of the blueprint: names nodes and stores the way Kafka Streams does and adds the nodes of each
/// operation, including the repartition topics that key changes require.
/// </summary>
internal sealed class InternalStreamsBuilder
{
    public InternalTopologyBuilder Topology { get; } = new();

    public string NewProcessorName(string prefix) => Topology.NewName(prefix);

    public string NewStoreName(string prefix) => Topology.NewName(prefix + "STATE-STORE-");

    public void AddProcessor<TKeyIn, TValueIn, TKeyOut, TValueOut>(
        string name, Func<IProcessor<TKeyIn, TValueIn, TKeyOut, TValueOut>> supplier, params string[] parents) =>
        Topology.AddProcessor(new ProcessorNodeFactory<TKeyIn, TValueIn, TKeyOut, TValueOut>(name, supplier, parents));

    public void AddFixedKeyProcessor<TKey, TValueIn, TValueOut>(
        string name, Func<IFixedKeyProcessor<TKey, TValueIn, TValueOut>> supplier, params string[] parents) =>
        Topology.AddProcessor(new FixedKeyProcessorNodeFactory<TKey, TValueIn, TValueOut>(name, supplier, parents));

    /// <summary>
    /// Sends a stream through <c>&lt;prefix&gt;-repartition</c> so that records with equal keys meet in one task;
    /// returns the source node that reads it back. Stream repartitions drop null keys first, as Kafka Streams does.
    /// An explicit repartition may choose the partitioner and the topic's partition count.
    /// </summary>
    public string Repartition<TKey, TValue>(
        string parent, string topicPrefix, bool userNamed, bool dropNullKeys, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        StreamPartitioner<TKey, TValue>? partitioner = null, int? partitions = null)
    {
        var topic = topicPrefix + "-repartition";
        string sinkName, sourceName;
        string? filterName = null;
        if (dropNullKeys)
        {
            // A stream repartition draws its three generated names even when the topic is named, as Kafka Streams
            // does, so that every name generated after it (and so Describe()) is the same as there.
            var generated = (Sink: NewProcessorName("KSTREAM-SINK-"), Filter: NewProcessorName("KSTREAM-FILTER-"),
                Source: NewProcessorName("KSTREAM-SOURCE-"));
            (sinkName, filterName, sourceName) = userNamed
                ? (topic + "-sink", topic + "-filter", topic + "-source")
                : generated;
        }
        else
        {
            sinkName = userNamed ? topic + "-sink" : NewProcessorName("KSTREAM-SINK-");
            sourceName = userNamed ? topic + "-source" : NewProcessorName("KSTREAM-SOURCE-");
        }
        if (filterName is not null)
        {
            AddFixedKeyProcessor(
                filterName,
                () => new Processors.KStreamFilterProcessor<TKey, TValue>(static (key, _) => key is not null, true),
                parent);
            parent = filterName;
        }

        ThroughInternalTopic([parent], topic, sinkName, sourceName, keySerde, valueSerde, partitioner, partitions);
        return sourceName;
    }

    /// <summary>
    /// Writes the parents' records to an internal topic (its partition count chosen, or resolved at build time) through
    /// the named sink, and reads them back through the named source.
    /// </summary>
    public void ThroughInternalTopic<TKey, TValue>(
        string[] parents, string topic, string sinkName, string sourceName, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        StreamPartitioner<TKey, TValue>? partitioner = null, int? partitions = null)
    {
        Topology.AddInternalTopic(topic, partitions);
        Topology.AddSink(sinkName, topic, null, keySerde, valueSerde, partitioner, parents);
        Topology.AddSource<TKey, TValue>(sourceName, [topic], keySerde, valueSerde, null);
    }

    /// <summary>The given serde, else the built-in one for the type, else a build-time error saying where one is needed.</summary>
    public static ISerde<T> SerdeOrDefault<T>(ISerde<T>? serde, string usage)
    {
        if (serde is not null)
        {
            return serde;
        }

        try
        {
            return Serdes.For<T>();
        }
        catch (StreamsException e)
        {
            throw new TopologyException($"{usage} needs a serde for {typeof(T).Name}: {e.Message}", e);
        }
    }
}
