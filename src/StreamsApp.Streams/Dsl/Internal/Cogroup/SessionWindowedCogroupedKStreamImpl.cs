using StreamsApp.Streams.Dsl.Internal.Windowing;

namespace StreamsApp.Streams.Dsl.Internal.Cogroup;

/// <summary>A cogroup cut into sessions (Kafka Streams' <c>SessionWindowedCogroupedKStream</c>).</summary>
/// <param name="cogroup">The cogroup, whose inputs are read when the aggregation is built.</param>
/// <param name="windows">The gap and grace.</param>
internal sealed class SessionWindowedCogroupedKStreamImpl<TKey, TAggregate>(CogroupedKStreamImpl<TKey, TAggregate> cogroup, SessionWindows windows)
    : ISessionWindowedCogroupedKStream<TKey, TAggregate>
{
    public IKTable<Windowed<TKey>, TAggregate> Aggregate(
        Func<TAggregate> initializer, Func<TKey, TAggregate, TAggregate, TAggregate> merger,
        Named? named = null, Materialized<TKey, TAggregate>? materialized = null)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(merger);
        return cogroup.Build(
            initializer, named, materialized,
            new WindowedCogroupAggregation<TKey, TAggregate>(new SessionWindowing<TKey, TAggregate>(windows, materialized, initializer, merger)));
    }
}
