namespace StreamsApp.Streams.Dsl;

/// <summary>
/// A cogroup cut into sessions (Kafka Streams' <c>SessionWindowedCogroupedKStream</c>): every input folds its records
/// into the same sessions of one session store, each with its own aggregator. As with
/// <see cref="ISessionWindowedKStream{TKey, TValue}"/>, sessions a record bridges are merged and deleted.
/// </summary>
/// <typeparam name="TKey">The key type, common to every input.</typeparam>
/// <typeparam name="TAggregate">The aggregate type.</typeparam>
public interface ISessionWindowedCogroupedKStream<TKey, TAggregate>
{
    /// <summary>
    /// Aggregates every input per key and session: a session's aggregate starts from <paramref name="initializer"/>,
    /// each record, whichever input it comes from, updates its session, and <paramref name="merger"/> combines the
    /// aggregates of sessions that a record bridges.
    /// </summary>
    IKTable<Windowed<TKey>, TAggregate> Aggregate(
        Func<TAggregate> initializer, Func<TKey, TAggregate, TAggregate, TAggregate> merger,
        Named? named = null, Materialized<TKey, TAggregate>? materialized = null);
}
