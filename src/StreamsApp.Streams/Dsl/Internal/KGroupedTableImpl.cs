using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// A re-grouped table: updates always go through a repartition topic (the new key decides the task), then an
/// aggregate node subtracts old rows and adds new ones.
/// </summary>
internal sealed class KGroupedTableImpl<TKey, TValue>(
    InternalStreamsBuilder builder, string selectName, ISerde<TKey>? keySerde, ISerde<TValue>? valueSerde, string? groupName)
    : IKGroupedTable<TKey, TValue>
{
    public IKTable<TKey, long> Count(Named? named = null, Materialized<TKey, long>? materialized = null) =>
        Build("KTABLE-AGGREGATE-", named, materialized, Serdes.Int64(), (_, _) => 1L, (_, _, count) => count + 1, (_, _, count) => count - 1);

    public IKTable<TKey, TValue> Reduce(
        Func<TValue, TValue, TValue> adder, Func<TValue, TValue, TValue> subtractor,
        Named? named = null, Materialized<TKey, TValue>? materialized = null)
    {
        ArgumentNullException.ThrowIfNull(adder);
        ArgumentNullException.ThrowIfNull(subtractor);
        return Build(
            "KTABLE-REDUCE-", named, materialized, valueSerde, (_, value) => value,
            (_, value, aggregate) => adder(aggregate, value), (_, value, aggregate) => subtractor(aggregate, value));
    }

    public IKTable<TKey, TAggregate> Aggregate<TAggregate>(
        Func<TAggregate> initializer,
        Func<TKey, TValue, TAggregate, TAggregate> adder,
        Func<TKey, TValue, TAggregate, TAggregate> subtractor,
        Named? named = null, Materialized<TKey, TAggregate>? materialized = null)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(adder);
        ArgumentNullException.ThrowIfNull(subtractor);
        return Build("KTABLE-AGGREGATE-", named, materialized, null, (key, value) => adder(key, value, initializer()), adder, subtractor);
    }

    private KTableImpl<TKey, TAggregate> Build<TAggregate>(
        string prefix, Named? named, Materialized<TKey, TAggregate>? materialized, ISerde<TAggregate>? knownAggregateSerde,
        Func<TKey, TValue, TAggregate> first, Func<TKey, TValue, TAggregate, TAggregate> adder,
        Func<TKey, TValue, TAggregate, TAggregate> subtractor)
    {
        var (storeName, queryable) = MaterializedResolver.StoreName(materialized, builder, prefix);
        var keys = InternalStreamsBuilder.SerdeOrDefault(materialized?.KeySerde ?? keySerde, $"Table aggregation into '{storeName}'");
        var values = InternalStreamsBuilder.SerdeOrDefault(valueSerde, $"The repartition topic of table aggregation '{storeName}'");
        var aggregates = InternalStreamsBuilder.SerdeOrDefault(
            materialized?.ValueSerde ?? knownAggregateSerde, $"Table aggregation into '{storeName}'");
        // As Kafka Streams' KGroupedTableImpl.doAggregate: the topic is named after the group (else the store), its
        // sink and source after the aggregation (<name>-sink, <name>-source), and no null keys are dropped.
        var sinkName = builder.SuffixedOrGenerate(named?.Name, "-sink", "KSTREAM-SINK-");
        var source = builder.SuffixedOrGenerate(named?.Name, "-source", "KSTREAM-SOURCE-");
        var name = builder.NameOrGenerate(named?.Name, prefix);
        builder.ThroughInternalTopic(
            [selectName], (groupName ?? storeName) + "-repartition", sinkName, source, keys, new ChangeSerde<TValue>(values));
        var table = KTableImpl<TKey, TAggregate>.Aggregated(builder, name, queryable, keys, aggregates, storeName);
        var sendOld = table.SendOldValues;
        builder.AddProcessor(
            name, () => new KTableAggregateProcessor<TKey, TValue, TAggregate>(storeName, first, adder, subtractor, sendOld), source);
        builder.Topology.AddStateStore(MaterializedResolver.StoreBuilder(materialized, storeName, keys, aggregates), [name]);
        return table;
    }
}
