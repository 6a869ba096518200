using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Dsl.Internal.Windowing;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Dsl.Internal.Cogroup;

/// <summary>
/// A cogroup under construction. <see cref="Build{TOutKey}"/>, behind <see cref="Aggregate"/> and the windowed
/// cogroups' aggregations (<see cref="ICogroupAggregation{TKey, TOutKey, TAggregate}"/>), adds, in Kafka Streams'
/// order (so generated names match):
/// the store name, each input's repartition topic when its key changed, one <c>COGROUPKSTREAM-AGGREGATE-</c> processor
/// per input (all writing the one store) and a <c>COGROUPKSTREAM-MERGE-</c> node that joins their outputs into the
/// table's single stream of updates. Sharing the store puts every input in one sub-topology, so the engine checks
/// that they are co-partitioned.
/// </summary>
internal sealed class CogroupedKStreamImpl<TKey, TAggregate>(InternalStreamsBuilder builder) : ICogroupedKStream<TKey, TAggregate>
{
    private const string AggregateName = "COGROUPKSTREAM-AGGREGATE-";
    private const string MergeName = "COGROUPKSTREAM-MERGE-";

    private readonly List<ICogroupInput<TKey, TAggregate>> _inputs = [];

    public ICogroupedKStream<TKey, TAggregate> Cogroup<TValueIn>(
        IKGroupedStream<TKey, TValueIn> groupedStream, Func<TKey, TValueIn, TAggregate, TAggregate> aggregator)
    {
        ArgumentNullException.ThrowIfNull(groupedStream);
        ArgumentNullException.ThrowIfNull(aggregator);
        if (groupedStream is not KGroupedStreamImpl<TKey, TValueIn> grouped || grouped.Builder != builder)
        {
            throw new ArgumentException("A cogroup can only combine grouped streams of the same StreamsBuilder", nameof(groupedStream));
        }

        // Kafka Streams silently replaces the first aggregator here; a second aggregator for one input is more likely
        // a mistake than an intent, so it is refused.
        if (_inputs.Exists(input => input.Stream == grouped))
        {
            throw new ArgumentException("This grouped stream is already part of the cogroup", nameof(groupedStream));
        }

        _inputs.Add(new CogroupInput<TKey, TValueIn, TAggregate>(grouped, aggregator));
        return this;
    }

    public IKTable<TKey, TAggregate> Aggregate(
        Func<TAggregate> initializer, Named? named = null, Materialized<TKey, TAggregate>? materialized = null) =>
        Build(initializer, named, materialized, new KeyedCogroupAggregation<TKey, TAggregate>(materialized));

    public ITimeWindowedCogroupedKStream<TKey, TAggregate> WindowedBy(TimeWindows windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return new TimeWindowedCogroupedKStreamImpl<TKey, TAggregate>(this, materialized => new TimeWindowing<TKey, TAggregate>(windows, materialized));
    }

    public ITimeWindowedCogroupedKStream<TKey, TAggregate> WindowedBy(SlidingWindows windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return new TimeWindowedCogroupedKStreamImpl<TKey, TAggregate>(this, materialized => new TimeWindowing<TKey, TAggregate>(windows, materialized));
    }

    public ISessionWindowedCogroupedKStream<TKey, TAggregate> WindowedBy(SessionWindows windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return new SessionWindowedCogroupedKStreamImpl<TKey, TAggregate>(this, windows);
    }

    /// <summary>
    /// Adds the aggregation of every input so far into one store (inputs cogrouped after a <c>WindowedBy</c> count
    /// too, as in Kafka Streams).
    /// </summary>
    public KTableImpl<TOutKey, TAggregate> Build<TOutKey>(
        Func<TAggregate> initializer, Named? named, Materialized<TKey, TAggregate>? materialized,
        ICogroupAggregation<TKey, TOutKey, TAggregate> aggregation)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        var (storeName, queryable) = MaterializedResolver.StoreName(materialized, builder, AggregateName);
        var usage = $"Cogroup aggregation '{named?.Name ?? storeName}'";
        var keys = InternalStreamsBuilder.SerdeOrDefault(materialized?.KeySerde ?? _inputs.Select(i => i.KeySerde).FirstOrDefault(s => s is not null), usage);
        var aggregates = InternalStreamsBuilder.SerdeOrDefault(materialized?.ValueSerde, usage);

        var parents = RepartitionedSources(storeName, keys, usage);
        var aggregateNames = _inputs.Select((_, i) => NodeName(named, $"-cogroup-agg-{i}", AggregateName)).ToList();
        var mergeName = NodeName(named, "-cogroup-merge", MergeName);

        var table = aggregation.Table(builder, mergeName, queryable, keys, aggregates, storeName);
        for (var i = 0; i < _inputs.Count; i++)
        {
            _inputs[i].AddAggregateProcessor(aggregateNames[i], parents[i], aggregation, storeName, initializer, table.SendOldValues);
        }

        builder.Topology.AddStateStore(aggregation.Store(storeName, keys, aggregates), aggregateNames);
        builder.AddFixedKeyProcessor(mergeName, () => new PassThroughProcessor<TOutKey, Change<TAggregate>>(), [.. aggregateNames]);
        return table;
    }

    /// <summary>
    /// Each input's parent node. An input repartitioned without a group name uses the store name as topic prefix, as
    /// in Kafka Streams; a second such input (which Kafka Streams refuses, the topic being taken) gets
    /// <c>&lt;store&gt;-&lt;input index&gt;</c>, so that every input has its own repartition topic.
    /// </summary>
    /// <remarks>
    /// The repartition nodes are always named after their topic: Kafka Streams keeps generated node names only for
    /// topic prefixes that look like <c>KSTREAM...-0000000042</c>, which a <c>COGROUPKSTREAM-</c> store name is not.
    /// </remarks>
    private List<string> RepartitionedSources(string storeName, Serialization.ISerde<TKey> keys, string usage)
    {
        var parents = new List<string>(_inputs.Count);
        var generatedTopics = 0;
        for (var i = 0; i < _inputs.Count; i++)
        {
            var input = _inputs[i];
            var prefix = input.NeedsGeneratedTopicName && generatedTopics++ > 0 ? $"{storeName}-{i}" : storeName;
            parents.Add(input.AggregationSource(prefix, input.KeySerde ?? keys, usage));
        }

        return parents;
    }

    private string NodeName(Named? named, string suffix, string prefix) => builder.SuffixedOrGenerate(named?.Name, suffix, prefix);
}
