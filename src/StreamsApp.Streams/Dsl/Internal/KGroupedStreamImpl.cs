using StreamsApp.Streams.Dsl.Internal.Cogroup;
using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Dsl.Internal.Windowing;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// A grouped stream: aggregations add a store and an aggregate node, after a repartition topic
/// (<c>&lt;group or store name&gt;-repartition</c>) when the key changed upstream.
/// </summary>
internal sealed class KGroupedStreamImpl<TKey, TValue>(
    InternalStreamsBuilder builder, string parentName, ISerde<TKey>? keySerde, ISerde<TValue>? valueSerde,
    bool repartitionRequired, string? groupName) : IKGroupedStream<TKey, TValue>
{
    public IKTable<TKey, long> Count(Named? named = null, Materialized<TKey, long>? materialized = null)
    {
        builder.DrawDroppedStoreName(materialized, "KSTREAM-AGGREGATE-");
        return Build("KSTREAM-AGGREGATE-", named, materialized, Serdes.Int64(), (_, _) => 1L, (_, _, count) => count + 1);
    }

    public IKTable<TKey, TValue> Reduce(Func<TValue, TValue, TValue> reducer, Named? named = null, Materialized<TKey, TValue>? materialized = null)
    {
        ArgumentNullException.ThrowIfNull(reducer);
        return Build("KSTREAM-REDUCE-", named, materialized, valueSerde, (_, value) => value, (_, value, aggregate) => reducer(aggregate, value));
    }

    public IKTable<TKey, TAggregate> Aggregate<TAggregate>(
        Func<TAggregate> initializer, Func<TKey, TValue, TAggregate, TAggregate> aggregator,
        Named? named = null, Materialized<TKey, TAggregate>? materialized = null)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(aggregator);
        return Build("KSTREAM-AGGREGATE-", named, materialized, null, (key, value) => aggregator(key, value, initializer()), aggregator);
    }

    public ICogroupedKStream<TKey, TAggregate> Cogroup<TAggregate>(Func<TKey, TValue, TAggregate, TAggregate> aggregator) =>
        new CogroupedKStreamImpl<TKey, TAggregate>(builder).Cogroup(this, aggregator);

    public ITimeWindowedKStream<TKey, TValue> WindowedBy(TimeWindows windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return new TimeWindowedKStreamImpl<TKey, TValue>(this, windows);
    }

    public ITimeWindowedKStream<TKey, TValue> WindowedBy(SlidingWindows windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return new TimeWindowedKStreamImpl<TKey, TValue>(this, windows);
    }

    public ISessionWindowedKStream<TKey, TValue> WindowedBy(SessionWindows windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return new SessionWindowedKStreamImpl<TKey, TValue>(this, windows);
    }

    public InternalStreamsBuilder Builder => builder;

    public ISerde<TKey>? KeySerde => keySerde;

    public ISerde<TValue>? ValueSerde => valueSerde;

    /// <summary>Whether an aggregation must repartition first (the key changed upstream).</summary>
    public bool RepartitionRequired => repartitionRequired;

    /// <summary>The name chosen with <see cref="Grouped{TKey, TValue}"/>, which then names the repartition topic.</summary>
    public string? GroupName => groupName;

    /// <summary>
    /// The node an aggregation of this stream reads from: the grouping node itself, or, when the key changed upstream,
    /// the source of the repartition topic <c>&lt;group name or <paramref name="topicPrefix"/>&gt;-repartition</c>.
    /// </summary>
    /// <param name="topicPrefix">The topic prefix when the group has no name (the store name).</param>
    /// <param name="keys">The key serde of the repartition topic.</param>
    /// <param name="aggregationName">The aggregation, for error messages.</param>
    public string AggregationSource(string topicPrefix, ISerde<TKey> keys, string aggregationName)
    {
        if (!repartitionRequired)
        {
            return parentName;
        }

        var values = InternalStreamsBuilder.SerdeOrDefault(valueSerde, $"The repartition topic of aggregation '{aggregationName}'");
        return builder.Repartition(parentName, groupName ?? topicPrefix, keys, values);
    }

    private KTableImpl<TKey, TAggregate> Build<TAggregate>(
        string prefix, Named? named, Materialized<TKey, TAggregate>? materialized, ISerde<TAggregate>? knownAggregateSerde,
        Func<TKey, TValue, TAggregate> first, Func<TKey, TValue, TAggregate, TAggregate> next)
    {
        var (storeName, queryable) = MaterializedResolver.StoreName(materialized, builder, prefix);
        var name = builder.NameOrGenerate(named?.Name, prefix);
        var keys = InternalStreamsBuilder.SerdeOrDefault(materialized?.KeySerde ?? keySerde, $"Aggregation '{name}'");
        var aggregates = InternalStreamsBuilder.SerdeOrDefault(materialized?.ValueSerde ?? knownAggregateSerde, $"Aggregation '{name}'");
        var parent = AggregationSource(storeName, keys, name);
        var table = KTableImpl<TKey, TAggregate>.Aggregated(builder, name, queryable, keys, aggregates, storeName);
        var sendOld = table.SendOldValues;
        builder.AddProcessor(name, () => new KStreamAggregateProcessor<TKey, TValue, TAggregate>(storeName, first, next, sendOld), parent);
        builder.Topology.AddStateStore(MaterializedResolver.StoreBuilder(materialized, storeName, keys, aggregates), [name]);
        return table;
    }
}
