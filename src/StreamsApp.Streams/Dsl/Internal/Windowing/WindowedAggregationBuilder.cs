namespace StreamsApp.Streams.Dsl.Internal.Windowing;

/// <summary>
/// Adds a windowed aggregation of a grouped stream: repartition when needed, the aggregate node and its store, and
/// the windowed table whose windows close at window end plus grace.
/// </summary>
internal static class WindowedAggregationBuilder
{
    /// <param name="grouped">The grouped stream.</param>
    /// <param name="prefix">The prefix of generated node and store names.</param>
    /// <param name="named">The node name, if given.</param>
    /// <param name="materialized">The store's name and serdes, if given.</param>
    /// <param name="knownAggregateSerde">The aggregate serde the aggregation knows (counts), if any.</param>
    /// <param name="windowing">The windows.</param>
    /// <param name="first">The aggregate of a window's first value.</param>
    /// <param name="next">Folds a value into an aggregate.</param>
    public static KTableImpl<Windowed<TKey>, TAggregate> Build<TKey, TValue, TAggregate>(
        KGroupedStreamImpl<TKey, TValue> grouped, string prefix, Named? named, Materialized<TKey, TAggregate>? materialized,
        Serialization.ISerde<TAggregate>? knownAggregateSerde, Windowing<TKey, TAggregate> windowing,
        Func<TKey, TValue, TAggregate> first, Func<TKey, TValue, TAggregate, TAggregate> next)
    {
        var builder = grouped.Builder;
        var (storeName, queryable) = MaterializedResolver.StoreName(materialized, builder, prefix);
        var name = builder.NameOrGenerate(named?.Name, prefix);
        var keys = InternalStreamsBuilder.SerdeOrDefault(materialized?.KeySerde ?? grouped.KeySerde, $"Windowed aggregation '{name}'");
        var aggregates = InternalStreamsBuilder.SerdeOrDefault(materialized?.ValueSerde ?? knownAggregateSerde, $"Windowed aggregation '{name}'");
        var parent = grouped.AggregationSource(storeName, keys, name);
        var table = windowing.Table(builder, name, queryable, keys, aggregates, storeName);
        var sendOld = table.SendOldValues;
        builder.AddProcessor(name, () => windowing.Processor(storeName, first, next, sendOld), parent);
        builder.Topology.AddStateStore(windowing.Store(storeName, keys, aggregates), [name]);
        return table;
    }
}
