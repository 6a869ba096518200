namespace StreamsApp.Streams.Dsl;

/// <summary>
/// A changelog stream read as a table: the latest value per key (Kafka Streams' <c>KTable</c>). A null value deletes
/// its key; downstream sees updates.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IKTable<TKey, TValue>
{
    /// <summary>The store name interactive queries use, or null when the table is not queryable.</summary>
    string? QueryableStoreName { get; }

    /// <summary>
    /// Keeps the rows that satisfy the predicate; a row that stops satisfying it is deleted downstream. A
    /// <paramref name="materialized"/> with a store name materializes the result (queryable); without one it only sets
    /// serdes, as in Kafka Streams (so do FilterNot and MapValues).
    /// </summary>
    IKTable<TKey, TValue> Filter(Func<TKey, TValue, bool> predicate, Named? named = null, Materialized<TKey, TValue>? materialized = null);

    /// <summary>Drops the rows that satisfy the predicate (deleting them downstream).</summary>
    IKTable<TKey, TValue> FilterNot(Func<TKey, TValue, bool> predicate, Named? named = null, Materialized<TKey, TValue>? materialized = null);

    /// <summary>Maps each row's value.</summary>
    IKTable<TKey, TValueOut> MapValues<TValueOut>(Func<TValue, TValueOut> mapper, Named? named = null, Materialized<TKey, TValueOut>? materialized = null);

    /// <summary>Maps each row's value with read access to the key.</summary>
    IKTable<TKey, TValueOut> MapValues<TValueOut>(Func<TKey, TValue, TValueOut> mapper, Named? named = null, Materialized<TKey, TValueOut>? materialized = null);

    /// <summary>The table's updates as a stream (a delete becomes a record with a null value).</summary>
    IKStream<TKey, TValue> ToStream(Named? named = null);

    /// <summary>
    /// The table's updates as a stream keyed by <paramref name="keyMapper"/> (a delete becomes a record with a null
    /// value): <see cref="ToStream(Named?)"/> then <see cref="IKStream{TKey, TValue}.SelectKey"/>, as in Kafka Streams, so
    /// a later grouping or join repartitions.
    /// </summary>
    IKStream<TKeyOut, TValue> ToStream<TKeyOut>(Func<TKey, TValue, TKeyOut> keyMapper, Named? named = null);

    /// <summary>
    /// Re-groups the rows under new keys for an aggregation with adder and subtractor (through a repartition topic):
    /// an update subtracts the row's old value from its old group and adds the new value to its new group.
    /// </summary>
    IKGroupedTable<TKeyOut, TValueOut> GroupBy<TKeyOut, TValueOut>(
        Func<TKey, TValue, KeyValue<TKeyOut, TValueOut>> selector, Grouped<TKeyOut, TValueOut>? grouped = null);

    /// <summary>
    /// Holds back updates and emits, per key, only the latest one when the suppression says so (a time limit, or the
    /// window closing); emitted records keep their timestamp and headers, deletes included. The buffer is a
    /// change-logged store named <c>&lt;name&gt;-store</c> (or <c>KTABLE-SUPPRESS-STATE-STORE-n</c>).
    /// </summary>
    /// <exception cref="Errors.TopologyException">
    /// <see cref="Suppressed.UntilWindowCloses"/> on a table that is not windowed.
    /// </exception>
    IKTable<TKey, TValue> Suppress(Suppressed<TKey> suppressed);

    /// <summary>
    /// Joins with another table of the same key (co-partitioned): a row exists while both sides have one. An update
    /// of either side forwards the joined row (a delete forwards a tombstone); its timestamp is the later of the two.
    /// </summary>
    /// <param name="other">The other table.</param>
    /// <param name="joiner">Makes the result row from this row and the other row.</param>
    /// <param name="named">Names the merge node; the side nodes get <c>-join-this</c> and <c>-join-other</c> suffixes.</param>
    /// <param name="materialized">Stores the result (queryable when named); null leaves it unmaterialized.</param>
    IKTable<TKey, TResult> Join<TOther, TResult>(
        IKTable<TKey, TOther> other, Func<TValue, TOther, TResult> joiner, Named? named = null, Materialized<TKey, TResult>? materialized = null);

    /// <summary>
    /// Like <see cref="Join{TOther, TResult}"/>, but every row of this table has a result row: without an other row the joiner gets
    /// <c>default</c> (null; use a nullable type for value types) as the other value.
    /// </summary>
    IKTable<TKey, TResult> LeftJoin<TOther, TResult>(
        IKTable<TKey, TOther> other, Func<TValue, TOther, TResult> joiner, Named? named = null, Materialized<TKey, TResult>? materialized = null);

    /// <summary>
    /// Like <see cref="Join{TOther, TResult}"/>, but a row of either table has a result row; the absent side reaches the joiner as
    /// <c>default</c>.
    /// </summary>
    IKTable<TKey, TResult> OuterJoin<TOther, TResult>(
        IKTable<TKey, TOther> other, Func<TValue, TOther, TResult> joiner, Named? named = null, Materialized<TKey, TResult>? materialized = null);

    /// <summary>
    /// Joins each row with the row of <paramref name="other"/> whose key the row's foreign key names (KIP-213); the
    /// tables need not be co-partitioned. Subscriptions and responses travel through the internal topics
    /// <c>&lt;name&gt;-subscription-registration-topic</c> and <c>&lt;name&gt;-subscription-response-topic</c> (or
    /// <c>KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-n-topic</c> / <c>KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-n-topic</c>),
    /// and the other side remembers them in <c>&lt;name&gt;-subscription-store</c>. A result row exists while the row's
    /// foreign key has a row in the other table; a row moving to another foreign key is re-joined there (or deleted
    /// when there is none), a deleted row or a row with a null foreign key gives a tombstone. Both tables must be
    /// readable (sources, or materialized).
    /// </summary>
    /// <param name="other">The table the foreign key points into.</param>
    /// <param name="foreignKeyExtractor">The row's foreign key: a key of <paramref name="other"/>, or null for none.</param>
    /// <param name="joiner">Makes the result row from this row and the other table's row.</param>
    /// <param name="named">Prefixes the names of the join's nodes, topics and subscription store.</param>
    /// <param name="materialized">Stores the result (queryable when named); null leaves it unmaterialized.</param>
    IKTable<TKey, TResult> Join<TForeignKey, TForeignValue, TResult>(
        IKTable<TForeignKey, TForeignValue> other, Func<TValue, TForeignKey?> foreignKeyExtractor,
        Func<TValue, TForeignValue, TResult> joiner, Named? named = null, Materialized<TKey, TResult>? materialized = null);

    /// <summary>
    /// Like the foreign-key <see cref="Join{TForeignKey, TForeignValue, TResult}"/>, but every row of this table has a
    /// result row: without a row for its foreign key (or with a null foreign key) the joiner gets <c>default</c> as the
    /// other value.
    /// </summary>
    IKTable<TKey, TResult> LeftJoin<TForeignKey, TForeignValue, TResult>(
        IKTable<TForeignKey, TForeignValue> other, Func<TValue, TForeignKey?> foreignKeyExtractor,
        Func<TValue, TForeignValue, TResult> joiner, Named? named = null, Materialized<TKey, TResult>? materialized = null);
}
