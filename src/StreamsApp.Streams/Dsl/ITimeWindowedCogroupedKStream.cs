namespace StreamsApp.Streams.Dsl;

/// <summary>
/// A cogroup cut into tumbling, hopping or sliding windows (Kafka Streams' <c>TimeWindowedCogroupedKStream</c>): every
/// input folds its records into the same windows of one window store, each with its own aggregator. As with
/// <see cref="ITimeWindowedKStream{TKey, TValue}"/>, the store is cached by default and late records are dropped.
/// </summary>
/// <typeparam name="TKey">The key type, common to every input.</typeparam>
/// <typeparam name="TAggregate">The aggregate type.</typeparam>
public interface ITimeWindowedCogroupedKStream<TKey, TAggregate>
{
    /// <summary>
    /// Aggregates every input per key and window: a window's aggregate starts from <paramref name="initializer"/>, and
    /// each record, whichever input it comes from, updates every open window it falls into.
    /// </summary>
    IKTable<Windowed<TKey>, TAggregate> Aggregate(Func<TAggregate> initializer, Named? named = null, Materialized<TKey, TAggregate>? materialized = null);
}
