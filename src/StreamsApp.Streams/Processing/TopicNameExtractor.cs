namespace StreamsApp.Streams.Processing;

/// <summary>Chooses a sink's output topic per record (Kafka Streams' <c>TopicNameExtractor</c>).</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="key">The record key.</param>
/// <param name="value">The record value.</param>
/// <param name="source">Where the record being processed came from (null inside a punctuation).</param>
/// <returns>The topic name.</returns>
public delegate string TopicNameExtractor<in TKey, in TValue>(TKey key, TValue value, RecordMetadata? source);
