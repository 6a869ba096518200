namespace StreamsApp.Streams.Dsl;

/// <summary>
/// A grouped stream cut into time windows, ready to aggregate per key and window. The window store is cached by
/// default, so each window's updates are forwarded once per commit (every update as it happens with
/// <see cref="Materialized{TKey, TValue}.WithCachingDisabled"/>); use <see cref="IKTable{TKey, TValue}.Suppress"/> with
/// <see cref="Suppressed.UntilWindowCloses{TKey}"/> for one final result per window.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface ITimeWindowedKStream<TKey, TValue>
{
    /// <summary>Counts records per key and window.</summary>
    IKTable<Windowed<TKey>, long> Count(Named? named = null, Materialized<TKey, long>? materialized = null);

    /// <summary>Combines values per key and window; a window's first value is its initial aggregate.</summary>
    IKTable<Windowed<TKey>, TValue> Reduce(Func<TValue, TValue, TValue> reducer, Named? named = null, Materialized<TKey, TValue>? materialized = null);

    /// <summary>Folds values per key and window into an aggregate that starts from <paramref name="initializer"/>.</summary>
    IKTable<Windowed<TKey>, TAggregate> Aggregate<TAggregate>(
        Func<TAggregate> initializer, Func<TKey, TValue, TAggregate, TAggregate> aggregator,
        Named? named = null, Materialized<TKey, TAggregate>? materialized = null);
}
