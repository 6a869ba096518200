using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal.Windowing;

/// <summary>
/// A grouped stream cut into time windows: each aggregation adds a KSTREAM-AGGREGATE- or KSTREAM-REDUCE- node over a
/// timestamped window store, as in Kafka Streams.
/// </summary>
internal sealed class TimeWindowedKStreamImpl<TKey, TValue>(KGroupedStreamImpl<TKey, TValue> grouped, TimeWindows windows)
    : ITimeWindowedKStream<TKey, TValue>
{
    public IKTable<Windowed<TKey>, long> Count(Named? named = null, Materialized<TKey, long>? materialized = null) =>
        Build("KSTREAM-AGGREGATE-", named, materialized, Serdes.Int64(), (_, _) => 1L, (_, _, count) => count + 1);

    public IKTable<Windowed<TKey>, TValue> Reduce(
        Func<TValue, TValue, TValue> reducer, Named? named = null, Materialized<TKey, TValue>? materialized = null)
    {
        ArgumentNullException.ThrowIfNull(reducer);
        return Build("KSTREAM-REDUCE-", named, materialized, grouped.ValueSerde, (_, value) => value, (_, value, aggregate) => reducer(aggregate, value));
    }

    public IKTable<Windowed<TKey>, TAggregate> Aggregate<TAggregate>(
        Func<TAggregate> initializer, Func<TKey, TValue, TAggregate, TAggregate> aggregator,
        Named? named = null, Materialized<TKey, TAggregate>? materialized = null)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(aggregator);
        return Build("KSTREAM-AGGREGATE-", named, materialized, null, (key, value) => aggregator(key, value, initializer()), aggregator);
    }

    private KTableImpl<Windowed<TKey>, TAggregate> Build<TAggregate>(
        string prefix, Named? named, Materialized<TKey, TAggregate>? materialized, ISerde<TAggregate>? knownAggregateSerde,
        Func<TKey, TValue, TAggregate> first, Func<TKey, TValue, TAggregate, TAggregate> next) =>
        WindowedAggregationBuilder.Build(grouped, prefix, named, materialized, knownAggregateSerde, new WindowedAggregation<TKey, TValue, TAggregate>(
            keys => WindowedSerdes.TimeWindowed(keys, TimeSpan.FromMilliseconds(windows.SizeMs)),
            windows.GraceMs,
            MayDelete: !typeof(TAggregate).IsValueType,
            (storeName, sendOld) => new KStreamWindowAggregateProcessor<TKey, TValue, TAggregate>(storeName, windows, first, next, sendOld),
            (storeName, keys, aggregates) => WindowedStoreResolver.WindowStore(materialized, storeName, windows, keys, aggregates)));
}
