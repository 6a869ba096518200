using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal.Windowing;

/// <summary>
/// A grouped stream cut into time windows: each aggregation adds a KSTREAM-AGGREGATE- or KSTREAM-REDUCE- node over a
/// timestamped window store, as in Kafka Streams (<see cref="TimeWindowing{TKey, TAggregate}"/>).
/// </summary>
internal sealed class TimeWindowedKStreamImpl<TKey, TValue> : ITimeWindowedKStream<TKey, TValue>
{
    private readonly KGroupedStreamImpl<TKey, TValue> _grouped;
    private readonly TimeWindows? _timeWindows;
    private readonly SlidingWindows? _slidingWindows;

    public TimeWindowedKStreamImpl(KGroupedStreamImpl<TKey, TValue> grouped, TimeWindows windows)
    {
        _grouped = grouped;
        _timeWindows = windows;
    }

    public TimeWindowedKStreamImpl(KGroupedStreamImpl<TKey, TValue> grouped, SlidingWindows windows)
    {
        _grouped = grouped;
        _slidingWindows = windows;
    }

    public IKTable<Windowed<TKey>, long> Count(Named? named = null, Materialized<TKey, long>? materialized = null)
    {
        if (_slidingWindows is null)
        {
            _grouped.Builder.DrawDroppedStoreName(materialized, "KSTREAM-AGGREGATE-");
        }

        return Build("KSTREAM-AGGREGATE-", named, materialized, Serdes.Int64(), (_, _) => 1L, (_, _, count) => count + 1);
    }

    public IKTable<Windowed<TKey>, TValue> Reduce(
        Func<TValue, TValue, TValue> reducer, Named? named = null, Materialized<TKey, TValue>? materialized = null)
    {
        ArgumentNullException.ThrowIfNull(reducer);
        return Build("KSTREAM-REDUCE-", named, materialized, _grouped.ValueSerde, (_, value) => value, (_, value, aggregate) => reducer(aggregate, value));
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
        Func<TKey, TValue, TAggregate> first, Func<TKey, TValue, TAggregate, TAggregate> next)
    {
        var windowing = _slidingWindows is { } sliding
            ? new TimeWindowing<TKey, TAggregate>(sliding, materialized)
            : new TimeWindowing<TKey, TAggregate>(_timeWindows!, materialized);
        return WindowedAggregationBuilder.Build(_grouped, prefix, named, materialized, knownAggregateSerde, windowing, first, next);
    }
}
