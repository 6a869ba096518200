using StreamsApp.Streams.Dsl.Internal;
using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl;

/// <summary>
/// Builds a <see cref="Topology"/> with the DSL: read topics as streams or tables, transform, aggregate, write.
/// Node and store names are generated as in Kafka Streams (<c>KSTREAM-FILTER-0000000001</c>) unless given.
/// </summary>
public sealed class StreamsBuilder
{
    private readonly InternalStreamsBuilder _builder = new();

    /// <summary>Reads a topic as a stream.</summary>
    public IKStream<TKey, TValue> Stream<TKey, TValue>(string topic, Consumed<TKey, TValue>? consumed = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        return Stream([topic], consumed);
    }

    /// <summary>
    /// Reads several topics as one stream. Reading the same topics again gives a stream from the same source node, as in
    /// Kafka Streams: the first call's serdes and timestamp extractor read the records for both.
    /// </summary>
    /// <exception cref="Errors.TopologyException">
    /// A topic is read by another source already: a table's, or a stream of other topics or other key or value types.
    /// </exception>
    public IKStream<TKey, TValue> Stream<TKey, TValue>(IReadOnlyList<string> topics, Consumed<TKey, TValue>? consumed = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var name = _builder.NameOrGenerate(consumed?.Name, "KSTREAM-SOURCE-");
        var keys = InternalStreamsBuilder.SerdeOrDefault(consumed?.KeySerde, $"Source '{name}'");
        var values = InternalStreamsBuilder.SerdeOrDefault(consumed?.ValueSerde, $"Source '{name}'");
        // Topics read as a stream again share the first source, as in Kafka Streams; the name drawn above is dropped.
        if (_builder.StreamSources.Existing<TKey, TValue>(topics) is { } shared)
        {
            return new KStreamImpl<TKey, TValue>(_builder, shared, keys, values, false);
        }

        _builder.Topology.AddSource(name, topics, keys, values, consumed?.TimestampExtractor);
        _builder.StreamSources.Add<TKey, TValue>(topics, name);
        return new KStreamImpl<TKey, TValue>(_builder, name, keys, values, false);
    }

    /// <summary>
    /// Reads a topic as a table: the latest value per key, a null value deleting it. The table is materialized in a
    /// store (named by <paramref name="materialized"/>, else <c>&lt;topic&gt;-STATE-STORE-&lt;n&gt;</c>).
    /// </summary>
    public IKTable<TKey, TValue> Table<TKey, TValue>(
        string topic, Consumed<TKey, TValue>? consumed = null, Materialized<TKey, TValue>? materialized = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        var (storeName, queryable) = MaterializedResolver.StoreName(materialized, _builder, topic + "-");
        var (sourceName, tableName) = TableSourceNames(consumed?.Name);
        var keys = InternalStreamsBuilder.SerdeOrDefault(materialized?.KeySerde ?? consumed?.KeySerde, $"Table '{topic}'");
        var values = InternalStreamsBuilder.SerdeOrDefault(materialized?.ValueSerde ?? consumed?.ValueSerde, $"Table '{topic}'");
        _builder.Topology.AddSource(sourceName, [topic], keys, values, consumed?.TimestampExtractor);
        return KTableImpl<TKey, TValue>.Source(_builder, tableName, sourceName, storeName, queryable, materialized, keys, values);
    }

    /// <summary>
    /// Reads a topic as a global table: every instance holds all of it (all partitions), kept up to date as the topic
    /// changes, and any stream can join it without co-partitioning. Its store (named by
    /// <paramref name="materialized"/>, else <c>&lt;topic&gt;-STATE-STORE-&lt;n&gt;</c>) has no changelog: the topic is one.
    /// </summary>
    public IGlobalKTable<TKey, TValue> GlobalTable<TKey, TValue>(
        string topic, Consumed<TKey, TValue>? consumed = null, Materialized<TKey, TValue>? materialized = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        var (storeName, queryable) = MaterializedResolver.StoreName(materialized, _builder, topic + "-");
        var (sourceName, tableName) = TableSourceNames(consumed?.Name);
        var keys = InternalStreamsBuilder.SerdeOrDefault(materialized?.KeySerde ?? consumed?.KeySerde, $"Global table '{topic}'");
        var values = InternalStreamsBuilder.SerdeOrDefault(materialized?.ValueSerde ?? consumed?.ValueSerde, $"Global table '{topic}'");
        var store = MaterializedResolver.StoreBuilder(materialized, storeName, keys, values).WithLoggingDisabled();
        var noOldValues = new OldValuesSwitch();
        _builder.Topology.AddGlobalStore(
            store, sourceName, topic, keys, values, consumed?.TimestampExtractor,
            new ProcessorNodeFactory<TKey, TValue, TKey, Processing.Internal.Change<TValue>>(
                tableName, () => new KTableSourceProcessor<TKey, TValue>(storeName, noOldValues), [sourceName]));
        return new GlobalKTableImpl<TKey, TValue>(storeName, queryable);
    }

    /// <summary>Adds a store for processors added with <see cref="IKStream{TKey, TValue}.Process{TKeyOut, TValueOut}"/>.</summary>
    public StreamsBuilder AddStateStore(IStoreBuilder<IStateStore> storeBuilder)
    {
        ArgumentNullException.ThrowIfNull(storeBuilder);
        _builder.Topology.AddStateStore(storeBuilder, []);
        return this;
    }

    /// <summary>Returns the topology built so far.</summary>
    public Topology Build() => new(_builder.Topology);

    /// <summary>
    /// A table's source and table-source node names: a <see cref="Consumed{TKey, TValue}"/> name names the table node
    /// and, suffixed <c>-source</c>, the source (Kafka Streams' <c>InternalStreamsBuilder.table</c>).
    /// </summary>
    private (string Source, string Table) TableSourceNames(string? name) =>
        (_builder.SuffixedOrGenerate(name, "-source", "KSTREAM-SOURCE-"), _builder.NameOrGenerate(name, "KTABLE-SOURCE-"));
}
