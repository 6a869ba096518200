namespace StreamsApp.Streams.Dsl;

/// <summary>
/// A grouped stream cut into sessions, ready to aggregate per key and session. When a record merges sessions, the old
/// sessions are deleted (a tombstone each) and the merged session is put. The session store is cached by default, so
/// each session's updates are forwarded once per commit (and a session merged away before it was forwarded never
/// is); with <see cref="Materialized{TKey, TValue}.WithCachingDisabled"/> every update is forwarded as it happens.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface ISessionWindowedKStream<TKey, TValue>
{
    /// <summary>Counts records per key and session.</summary>
    IKTable<Windowed<TKey>, long> Count(Named? named = null, Materialized<TKey, long>? materialized = null);

    /// <summary>Combines values per key and session; merged sessions combine their aggregates with the same reducer.</summary>
    IKTable<Windowed<TKey>, TValue> Reduce(Func<TValue, TValue, TValue> reducer, Named? named = null, Materialized<TKey, TValue>? materialized = null);

    /// <summary>
    /// Folds values per key and session into an aggregate that starts from <paramref name="initializer"/>;
    /// <paramref name="merger"/> combines the aggregates of sessions that a record bridges.
    /// </summary>
    IKTable<Windowed<TKey>, TAggregate> Aggregate<TAggregate>(
        Func<TAggregate> initializer, Func<TKey, TValue, TAggregate, TAggregate> aggregator,
        Func<TKey, TAggregate, TAggregate, TAggregate> merger,
        Named? named = null, Materialized<TKey, TAggregate>? materialized = null);
}
