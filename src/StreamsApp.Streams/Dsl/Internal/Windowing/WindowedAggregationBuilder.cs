using StreamsApp.Streams.Dsl.Internal.Suppress;
using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Windowing;

/// <summary>What differs between a time-windowed and a session aggregation of a grouped stream.</summary>
/// <param name="WindowedKeys">The serde of the table's windowed keys, from the key serde.</param>
/// <param name="GraceMs">How long after its end (as in its key) stream time must go before a window is closed.</param>
/// <param name="MayDelete">Whether the table forwards deletes (session merges always do).</param>
/// <param name="Processor">The aggregate processor, given the store name and the table's old-values switch.</param>
/// <param name="Store">The store builder, given the store name and the key and aggregate serdes.</param>
/// <param name="ValueGetter">How joins read the table's rows, given the store name.</param>
internal sealed record WindowedAggregation<TKey, TValue, TAggregate>(
    Func<ISerde<TKey>, ISerde<Windowed<TKey>>> WindowedKeys,
    long GraceMs,
    bool MayDelete,
    Func<string, OldValuesSwitch, IProcessor<TKey, TValue, Windowed<TKey>, Change<TAggregate>>> Processor,
    Func<string, ISerde<TKey>, ISerde<TAggregate>, IStoreBuilder<IStateStore>> Store,
    Func<string, IKTableValueGetterSupplier<Windowed<TKey>, TAggregate>> ValueGetter);

/// <summary>
/// Adds a windowed aggregation of a grouped stream: repartition when needed, the aggregate node and its store, and
/// the windowed table whose windows close at window end plus grace.
/// </summary>
internal static class WindowedAggregationBuilder
{
    public static KTableImpl<Windowed<TKey>, TAggregate> Build<TKey, TValue, TAggregate>(
        KGroupedStreamImpl<TKey, TValue> grouped, string prefix, Named? named, Materialized<TKey, TAggregate>? materialized,
        ISerde<TAggregate>? knownAggregateSerde, WindowedAggregation<TKey, TValue, TAggregate> aggregation)
    {
        var builder = grouped.Builder;
        var (storeName, queryable) = MaterializedResolver.StoreName(materialized, builder, prefix);
        var name = builder.NameOrGenerate(named?.Name, prefix);
        var keys = InternalStreamsBuilder.SerdeOrDefault(materialized?.KeySerde ?? grouped.KeySerde, $"Windowed aggregation '{name}'");
        var aggregates = InternalStreamsBuilder.SerdeOrDefault(materialized?.ValueSerde ?? knownAggregateSerde, $"Windowed aggregation '{name}'");
        var parent = grouped.AggregationSource(storeName, keys, name);
        var table = KTableImpl<Windowed<TKey>, TAggregate>.WindowAggregated(
            builder, name, queryable, aggregation.WindowedKeys(keys), aggregates, aggregation.MayDelete,
            new WindowCloseTime<Windowed<TKey>>(static key => key.Window.EndMs, aggregation.GraceMs), aggregation.ValueGetter(storeName));
        var sendOld = table.SendOldValues;
        builder.AddProcessor(name, () => aggregation.Processor(storeName, sendOld), parent);
        builder.Topology.AddStateStore(aggregation.Store(storeName, keys, aggregates), [name]);
        return table;
    }
}
