namespace StreamsApp.Streams.Dsl;

/// <summary>
/// A re-grouped table, ready to aggregate per new key with an adder for new rows and a subtractor for replaced or
/// deleted ones.
/// </summary>
/// <typeparam name="TKey">The new key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IKGroupedTable<TKey, TValue>
{
    /// <summary>Counts rows per key (a row that leaves a group decrements it).</summary>
    IKTable<TKey, long> Count(Named? named = null, Materialized<TKey, long>? materialized = null);

    /// <summary>Combines values per key with an adder and a subtractor.</summary>
    IKTable<TKey, TValue> Reduce(
        Func<TValue, TValue, TValue> adder, Func<TValue, TValue, TValue> subtractor,
        Named? named = null, Materialized<TKey, TValue>? materialized = null);

    /// <summary>Folds values per key with an adder and a subtractor, starting from <paramref name="initializer"/>.</summary>
    IKTable<TKey, TAggregate> Aggregate<TAggregate>(
        Func<TAggregate> initializer,
        Func<TKey, TValue, TAggregate, TAggregate> adder,
        Func<TKey, TValue, TAggregate, TAggregate> subtractor,
        Named? named = null, Materialized<TKey, TAggregate>? materialized = null);
}
