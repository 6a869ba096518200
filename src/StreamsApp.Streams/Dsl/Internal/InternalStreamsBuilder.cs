using System.Text.RegularExpressions;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// The DSL's side of the blueprint: names nodes and stores the way Kafka Streams does and adds the nodes of each
/// operation, including the repartition topics that key changes require.
/// </summary>
internal sealed partial class InternalStreamsBuilder
{
    private const string RepartitionSuffix = "-repartition";

    public InternalTopologyBuilder Topology { get; } = new();

    /// <summary>The stream sources by the topics they read, shared by a later <c>Stream()</c> of the same topics.</summary>
    public StreamSources StreamSources { get; } = new();

    public string NewProcessorName(string prefix) => Topology.NewName(prefix);

    public string NewStoreName(string prefix) => Topology.NewName(prefix + "STATE-STORE-");

    /// <summary>
    /// The user's name, else a generated one. The generated name's number is drawn either way, as Kafka Streams'
    /// <c>NamedInternal.orElseGenerateWithPrefix</c> does, so that naming one operation leaves the numbers of the
    /// generated names after it (and so store and internal topic names) as they are there.
    /// </summary>
    public string NameOrGenerate(string? name, string prefix)
    {
        var generated = NewProcessorName(prefix);
        return name ?? generated;
    }

    /// <summary>
    /// The user's name plus <paramref name="suffix"/>, else a generated one; the number is drawn either way, as Kafka
    /// Streams' <c>NamedInternal.suffixWithOrElseGet(suffix, provider, prefix)</c> does.
    /// </summary>
    public string SuffixedOrGenerate(string? name, string suffix, string prefix)
    {
        var generated = NewProcessorName(prefix);
        return name is null ? generated : name + suffix;
    }

    public void AddProcessor<TKeyIn, TValueIn, TKeyOut, TValueOut>(
        string name, Func<IProcessor<TKeyIn, TValueIn, TKeyOut, TValueOut>> supplier, params string[] parents) =>
        Topology.AddProcessor(new ProcessorNodeFactory<TKeyIn, TValueIn, TKeyOut, TValueOut>(name, supplier, parents));

    public void AddFixedKeyProcessor<TKey, TValueIn, TValueOut>(
        string name, Func<IFixedKeyProcessor<TKey, TValueIn, TValueOut>> supplier, params string[] parents) =>
        Topology.AddProcessor(new FixedKeyProcessorNodeFactory<TKey, TValueIn, TValueOut>(name, supplier, parents));

    /// <summary>
    /// Sends a stream through <c>&lt;prefix&gt;-repartition</c> so that records with equal keys meet in one task;
    /// returns the source node that reads it back. Null keys are dropped first, as Kafka Streams does. An explicit
    /// repartition may choose the partitioner and the topic's partition count.
    /// </summary>
    /// <remarks>
    /// As Kafka Streams' <c>createRepartitionedSource</c>: the sink, filter and source names are always drawn, and they
    /// are used only when the prefix is itself a generated name (<c>KSTREAM...-0000000042</c>); any other prefix (a
    /// user's group, join, store or node name) names them <c>&lt;topic&gt;-sink</c>, <c>-filter</c>, <c>-source</c>.
    /// </remarks>
    public string Repartition<TKey, TValue>(
        string parent, string topicPrefix, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        StreamPartitioner<TKey, TValue>? partitioner = null, int? partitions = null)
    {
        var topic = topicPrefix.EndsWith(RepartitionSuffix, StringComparison.Ordinal) ? topicPrefix : topicPrefix + RepartitionSuffix;
        var generated = DrawRepartitionNames();
        var (sinkName, filterName, sourceName) = GeneratedStreamName().IsMatch(topicPrefix)
            ? generated
            : (topic + "-sink", topic + "-filter", topic + "-source");
        AddFixedKeyProcessor(
            filterName,
            () => new Processors.KStreamFilterProcessor<TKey, TValue>(static (key, _) => key is not null, true),
            parent);
        ThroughInternalTopic([filterName], topic, sinkName, sourceName, keySerde, valueSerde, partitioner, partitions);
        return sourceName;
    }

    /// <summary>
    /// Draws and drops a store name when <paramref name="materialized"/> has none, as Kafka Streams does where such a
    /// Materialized only carries serdes (a stream's <c>count</c> and its time and session windowed counts, a table's
    /// <c>filter</c> and <c>mapValues</c>), to keep its older topologies' numbers; drawing it too keeps every later
    /// generated name the same as there.
    /// </summary>
    public void DrawDroppedStoreName<TKey, TValue>(Materialized<TKey, TValue>? materialized, string prefix)
    {
        if (materialized is { StoreName: null })
        {
            NewStoreName(prefix);
        }
    }

    /// <summary>
    /// Draws the sink, filter and source names of a stream repartition, as Kafka Streams does for every repartition
    /// it plans, even one it then shares with an earlier join side.
    /// </summary>
    public (string Sink, string Filter, string Source) DrawRepartitionNames() =>
        (NewProcessorName("KSTREAM-SINK-"), NewProcessorName("KSTREAM-FILTER-"), NewProcessorName("KSTREAM-SOURCE-"));

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

    /// <summary>A name Kafka Streams generated for a stream node, store or topic, as its createRepartitionedSource tests it.</summary>
    [GeneratedRegex(@"\AKSTREAM.*-[0-9]{10}\z")]
    private static partial Regex GeneratedStreamName();
}
