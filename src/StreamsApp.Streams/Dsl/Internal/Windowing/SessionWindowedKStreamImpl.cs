using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal.Windowing;

/// <summary>
/// A grouped stream cut into sessions: each aggregation adds a KSTREAM-AGGREGATE- or KSTREAM-REDUCE- node over a
/// session store, as in Kafka Streams (<see cref="SessionWindowing{TKey, TAggregate}"/>).
/// </summary>
internal sealed class SessionWindowedKStreamImpl<TKey, TValue>(KGroupedStreamImpl<TKey, TValue> grouped, SessionWindows windows)
    : ISessionWindowedKStream<TKey, TValue>
{
    public IKTable<Windowed<TKey>, long> Count(Named? named = null, Materialized<TKey, long>? materialized = null)
    {
        grouped.Builder.DrawDroppedStoreName(materialized, "KSTREAM-AGGREGATE-");
        return Build("KSTREAM-AGGREGATE-", named, materialized, Serdes.Int64(), () => 0L, (_, _) => 1L, (_, _, count) => count + 1, (_, left, right) => left + right);
    }

    public IKTable<Windowed<TKey>, TValue> Reduce(
        Func<TValue, TValue, TValue> reducer, Named? named = null, Materialized<TKey, TValue>? materialized = null)
    {
        ArgumentNullException.ThrowIfNull(reducer);

        // No initializer: the first (or first merged) value is the aggregate, as Kafka Streams' reduce.
        return Build("KSTREAM-REDUCE-", named, materialized, grouped.ValueSerde, null,
            (_, value) => value, (_, value, aggregate) => reducer(aggregate, value), (_, aggregate, other) => reducer(aggregate, other));
    }

    public IKTable<Windowed<TKey>, TAggregate> Aggregate<TAggregate>(
        Func<TAggregate> initializer, Func<TKey, TValue, TAggregate, TAggregate> aggregator,
        Func<TKey, TAggregate, TAggregate, TAggregate> merger,
        Named? named = null, Materialized<TKey, TAggregate>? materialized = null)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(aggregator);
        ArgumentNullException.ThrowIfNull(merger);
        return Build("KSTREAM-AGGREGATE-", named, materialized, null, initializer,
            (key, value) => aggregator(key, value, initializer()), aggregator, merger);
    }

    private KTableImpl<Windowed<TKey>, TAggregate> Build<TAggregate>(
        string prefix, Named? named, Materialized<TKey, TAggregate>? materialized, ISerde<TAggregate>? knownAggregateSerde,
        Func<TAggregate>? initializer, Func<TKey, TValue, TAggregate> first, Func<TKey, TValue, TAggregate, TAggregate> next,
        Func<TKey, TAggregate, TAggregate, TAggregate> merge) =>
        WindowedAggregationBuilder.Build(
            grouped, prefix, named, materialized, knownAggregateSerde, new SessionWindowing<TKey, TAggregate>(windows, materialized, initializer, merge), first, next);
}
