using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Dsl;

/// <summary>
/// An unbounded stream of records (Kafka Streams' <c>KStream</c>). Operations that may change the key mark the
/// stream for repartitioning; a later grouping or join inserts a repartition topic.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IKStream<TKey, TValue>
{
    /// <summary>Keeps the records that satisfy <paramref name="predicate"/>.</summary>
    IKStream<TKey, TValue> Filter(Func<TKey, TValue, bool> predicate, Named? named = null);

    /// <summary>Drops the records that satisfy <paramref name="predicate"/>.</summary>
    IKStream<TKey, TValue> FilterNot(Func<TKey, TValue, bool> predicate, Named? named = null);

    /// <summary>Maps each record to a new key and value (marks the stream for repartitioning).</summary>
    IKStream<TKeyOut, TValueOut> Map<TKeyOut, TValueOut>(Func<TKey, TValue, KeyValue<TKeyOut, TValueOut>> mapper, Named? named = null);

    /// <summary>Maps each value, keeping the key.</summary>
    IKStream<TKey, TValueOut> MapValues<TValueOut>(Func<TValue, TValueOut> mapper, Named? named = null);

    /// <summary>Maps each value with read access to the key, keeping the key.</summary>
    IKStream<TKey, TValueOut> MapValues<TValueOut>(Func<TKey, TValue, TValueOut> mapper, Named? named = null);

    /// <summary>Maps each record to zero or more records (marks the stream for repartitioning).</summary>
    IKStream<TKeyOut, TValueOut> FlatMap<TKeyOut, TValueOut>(
        Func<TKey, TValue, IEnumerable<KeyValue<TKeyOut, TValueOut>>> mapper, Named? named = null);

    /// <summary>Maps each value to zero or more values, keeping the key.</summary>
    IKStream<TKey, TValueOut> FlatMapValues<TValueOut>(Func<TValue, IEnumerable<TValueOut>> mapper, Named? named = null);

    /// <summary>Maps each value with read access to the key to zero or more values, keeping the key.</summary>
    IKStream<TKey, TValueOut> FlatMapValues<TValueOut>(Func<TKey, TValue, IEnumerable<TValueOut>> mapper, Named? named = null);

    /// <summary>Sets a new key computed from each record (marks the stream for repartitioning).</summary>
    IKStream<TKeyOut, TValue> SelectKey<TKeyOut>(Func<TKey, TValue, TKeyOut> keySelector, Named? named = null);

    /// <summary>Runs an action on each record and passes it on unchanged.</summary>
    IKStream<TKey, TValue> Peek(Action<TKey, TValue> action, Named? named = null);

    /// <summary>Runs an action on each record; a terminal operation.</summary>
    void Foreach(Action<TKey, TValue> action, Named? named = null);

    /// <summary>Merges two streams into one (no ordering guarantee between them).</summary>
    IKStream<TKey, TValue> Merge(IKStream<TKey, TValue> other, Named? named = null);

    /// <summary>Splits the stream into named branches; each record goes to the first branch whose predicate holds.</summary>
    /// <param name="named">The prefix of the branch names (and the splitter's node name).</param>
    IBranchedKStream<TKey, TValue> Split(Named? named = null);

    /// <summary>Writes the stream to a topic.</summary>
    void To(string topic, Produced<TKey, TValue>? produced = null);

    /// <summary>Writes each record to the topic the extractor chooses.</summary>
    void To(TopicNameExtractor<TKey, TValue> topicExtractor, Produced<TKey, TValue>? produced = null);

    /// <summary>Reads the stream as a changelog: the latest value per key (null values delete).</summary>
    IKTable<TKey, TValue> ToTable(Named? named = null, Materialized<TKey, TValue>? materialized = null);

    /// <summary>Groups by the current key, for an aggregation (repartitions first if the key was changed).</summary>
    IKGroupedStream<TKey, TValue> GroupByKey(Grouped<TKey, TValue>? grouped = null);

    /// <summary>Groups by a new key, for an aggregation (always through a repartition topic).</summary>
    IKGroupedStream<TKeyOut, TValue> GroupBy<TKeyOut>(Func<TKey, TValue, TKeyOut> keySelector, Grouped<TKeyOut, TValue>? grouped = null);

    /// <summary>
    /// Runs a Processor API processor on each record; it may change keys (marks the stream for repartitioning) and
    /// use the named stores.
    /// </summary>
    IKStream<TKeyOut, TValueOut> Process<TKeyOut, TValueOut>(
        Func<IProcessor<TKey, TValue, TKeyOut, TValueOut>> supplier, Named? named = null, params string[] stateStoreNames);

    /// <summary>Runs a value-only processor on each record, using the named stores.</summary>
    IKStream<TKey, TValueOut> ProcessValues<TValueOut>(
        Func<IFixedKeyProcessor<TKey, TValue, TValueOut>> supplier, Named? named = null, params string[] stateStoreNames);

    /// <summary>
    /// Joins each record with the table's current row for its key (the table must be co-partitioned with the stream;
    /// after a key change the stream is repartitioned first). Only stream records produce output, with their own
    /// timestamp; records without a row, or with a null key or value, are dropped.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="joiner">Makes the output value from the record's value and the row.</param>
    /// <param name="joined">Serdes for the repartition topic and the join's name.</param>
    IKStream<TKey, TResult> Join<TTableValue, TResult>(
        IKTable<TKey, TTableValue> table, Func<TValue, TTableValue, TResult> joiner, Joined<TKey, TValue, TTableValue>? joined = null);

    /// <summary>
    /// Like <see cref="Join{TTableValue, TResult}(IKTable{TKey, TTableValue}, Func{TValue, TTableValue, TResult}, Joined{TKey, TValue, TTableValue})"/>,
    /// but a record without a row, or without a key, is joined with <c>default</c> (null; use a nullable type for value
    /// types).
    /// </summary>
    IKStream<TKey, TResult> LeftJoin<TTableValue, TResult>(
        IKTable<TKey, TTableValue> table, Func<TValue, TTableValue, TResult> joiner, Joined<TKey, TValue, TTableValue>? joined = null);

    /// <summary>
    /// Joins this stream with another within time windows (Kafka Streams' windowed <c>KStream#join</c>): a record of
    /// this stream at time <c>t</c> meets every record of <paramref name="other"/> with the same key from
    /// <c>t - Before</c> to <c>t + After</c>, and each pair is emitted once, stamped with the larger timestamp. Both
    /// streams are repartitioned first if their key may have changed, and must be co-partitioned. Records with a null
    /// key or value, and records later than the window plus grace, are dropped and counted.
    /// </summary>
    /// <param name="other">The other stream.</param>
    /// <param name="joiner">Makes the output value from a pair of values.</param>
    /// <param name="windows">The join windows.</param>
    /// <param name="streamJoined">Serdes, names and store suppliers; null uses the defaults.</param>
    IKStream<TKey, TResult> Join<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined = null);

    /// <summary>As the windowed stream-stream <c>Join</c>, with a joiner that also sees the key.</summary>
    IKStream<TKey, TResult> Join<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TKey, TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined = null);

    /// <summary>
    /// As the windowed stream-stream <c>Join</c>, but a record of this stream that found no match is emitted with
    /// <c>default</c> for the other side once its window and grace have closed by stream time (never before: a
    /// match arriving in time replaces it). As in Kafka Streams, a record whose window has already ended when it
    /// arrives is emitted so at once (a match within grace still joins it too), and a record without a key at once.
    /// </summary>
    IKStream<TKey, TResult> LeftJoin<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined = null);

    /// <summary>As the windowed stream-stream <c>LeftJoin</c>, with a joiner that also sees the key.</summary>
    IKStream<TKey, TResult> LeftJoin<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TKey, TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined = null);

    /// <summary>
    /// As the windowed stream-stream <c>LeftJoin</c>, for both sides: an unmatched record of either stream is emitted
    /// with <c>default</c> for the other once its window and grace have closed.
    /// </summary>
    IKStream<TKey, TResult> OuterJoin<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined = null);

    /// <summary>As the windowed stream-stream <c>OuterJoin</c>, with a joiner that also sees the key.</summary>
    IKStream<TKey, TResult> OuterJoin<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TKey, TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined = null);

    /// <summary>
    /// Joins each record with the global table's row for the key <paramref name="keySelector"/> picks. No
    /// repartitioning or co-partitioning is needed; output keeps the record's key and timestamp; records without a
    /// row are dropped.
    /// </summary>
    IKStream<TKey, TResult> Join<TGlobalKey, TGlobalValue, TResult>(
        IGlobalKTable<TGlobalKey, TGlobalValue> globalTable, Func<TKey, TValue, TGlobalKey> keySelector,
        Func<TValue, TGlobalValue, TResult> joiner, Named? named = null);

    /// <summary>Like the global-table <c>Join</c>, but a record without a row is joined with <c>default</c>.</summary>
    IKStream<TKey, TResult> LeftJoin<TGlobalKey, TGlobalValue, TResult>(
        IGlobalKTable<TGlobalKey, TGlobalValue> globalTable, Func<TKey, TValue, TGlobalKey> keySelector,
        Func<TValue, TGlobalValue, TResult> joiner, Named? named = null);

    /// <summary>
    /// Writes the stream through a repartition topic and reads it back, partitioned by key (or by the given
    /// partitioner) into the given number of partitions; later stateful operations need no further repartitioning.
    /// </summary>
    IKStream<TKey, TValue> Repartition(Repartitioned<TKey, TValue>? repartitioned = null);
}
