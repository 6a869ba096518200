using StreamsApp.Streams.Dsl.Internal.Windowing;

namespace StreamsApp.Streams.Dsl.Internal.Cogroup;

/// <summary>A cogroup cut into tumbling, hopping or sliding windows (Kafka Streams' <c>TimeWindowedCogroupedKStream</c>).</summary>
/// <param name="cogroup">The cogroup, whose inputs are read when the aggregation is built.</param>
/// <param name="windowing">The windows, given the store's materialization.</param>
internal sealed class TimeWindowedCogroupedKStreamImpl<TKey, TAggregate>(
    CogroupedKStreamImpl<TKey, TAggregate> cogroup, Func<Materialized<TKey, TAggregate>?, Windowing<TKey, TAggregate>> windowing)
    : ITimeWindowedCogroupedKStream<TKey, TAggregate>
{
    public IKTable<Windowed<TKey>, TAggregate> Aggregate(
        Func<TAggregate> initializer, Named? named = null, Materialized<TKey, TAggregate>? materialized = null) =>
        cogroup.Build(initializer, named, materialized, new WindowedCogroupAggregation<TKey, TAggregate>(windowing(materialized)));
}
