namespace StreamsApp.Streams.Dsl;

/// <summary>
/// Several grouped streams with the same key type aggregated into one table (Kafka Streams' <c>CogroupedKStream</c>):
/// each input folds its own value type into the shared aggregate with its own aggregator. The inputs must be
/// co-partitioned; an input whose key changed upstream is repartitioned first, through its own topic.
/// </summary>
/// <typeparam name="TKey">The key type, common to every input.</typeparam>
/// <typeparam name="TAggregate">The aggregate type.</typeparam>
public interface ICogroupedKStream<TKey, TAggregate>
{
    /// <summary>Adds another grouped stream with the aggregator that folds its values into the shared aggregate.</summary>
    /// <exception cref="ArgumentException">The grouped stream is already part of this cogroup.</exception>
    ICogroupedKStream<TKey, TAggregate> Cogroup<TValueIn>(
        IKGroupedStream<TKey, TValueIn> groupedStream, Func<TKey, TValueIn, TAggregate, TAggregate> aggregator);

    /// <summary>
    /// Aggregates every input into one store: a key's aggregate starts from <paramref name="initializer"/>, and each
    /// record, whichever input it comes from, updates it and emits the new aggregate. Records with a null key or
    /// value are skipped and counted.
    /// </summary>
    IKTable<TKey, TAggregate> Aggregate(Func<TAggregate> initializer, Named? named = null, Materialized<TKey, TAggregate>? materialized = null);

    /// <summary>Cuts the cogroup into tumbling or hopping windows, to aggregate per key and window.</summary>
    ITimeWindowedCogroupedKStream<TKey, TAggregate> WindowedBy(TimeWindows windows);

    /// <summary>Cuts the cogroup into sliding windows, to aggregate per key and window.</summary>
    ITimeWindowedCogroupedKStream<TKey, TAggregate> WindowedBy(SlidingWindows windows);

    /// <summary>Cuts the cogroup into sessions, to aggregate per key and session.</summary>
    ISessionWindowedCogroupedKStream<TKey, TAggregate> WindowedBy(SessionWindows windows);
}
