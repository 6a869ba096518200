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
}
