namespace StreamsApp.Streams.Dsl;

/// <summary>A grouped stream, ready to aggregate per key. Records with a null key or value are skipped and counted.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IKGroupedStream<TKey, TValue>
{
    /// <summary>Counts records per key.</summary>
    IKTable<TKey, long> Count(Named? named = null, Materialized<TKey, long>? materialized = null);

    /// <summary>Combines values per key; the first value of a key is its initial aggregate.</summary>
    IKTable<TKey, TValue> Reduce(Func<TValue, TValue, TValue> reducer, Named? named = null, Materialized<TKey, TValue>? materialized = null);

    /// <summary>Folds values per key into an aggregate that starts from <paramref name="initializer"/>.</summary>
    IKTable<TKey, TAggregate> Aggregate<TAggregate>(
        Func<TAggregate> initializer, Func<TKey, TValue, TAggregate, TAggregate> aggregator,
        Named? named = null, Materialized<TKey, TAggregate>? materialized = null);

    /// <summary>
    /// Starts a cogroup: this stream's values fold into an aggregate of type <typeparamref name="TAggregate"/> with
    /// <paramref name="aggregator"/>; more grouped streams join with <see cref="ICogroupedKStream{TKey, TAggregate}.Cogroup"/>.
    /// </summary>
    ICogroupedKStream<TKey, TAggregate> Cogroup<TAggregate>(Func<TKey, TValue, TAggregate, TAggregate> aggregator);

    /// <summary>Cuts the stream into tumbling or hopping time windows for windowed aggregations.</summary>
    ITimeWindowedKStream<TKey, TValue> WindowedBy(TimeWindows windows);

    /// <summary>Cuts the stream into sliding windows (both ends inclusive) for windowed aggregations.</summary>
    ITimeWindowedKStream<TKey, TValue> WindowedBy(SlidingWindows windows);

    /// <summary>Cuts the stream into sessions of activity for session aggregations.</summary>
    ISessionWindowedKStream<TKey, TValue> WindowedBy(SessionWindows windows);
}
