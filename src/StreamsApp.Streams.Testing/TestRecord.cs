using Confluent.Kafka;

namespace StreamsApp.Streams.Testing;

/// <summary>A record piped into or read from a test topic.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
/// <param name="Timestamp">The timestamp in milliseconds since the Unix epoch; null lets the input topic choose.</param>
/// <param name="Headers">The headers (null: none).</param>
/// <param name="Partition">
/// The partition: when piping, null partitions by the key's murmur2 hash (as a Kafka producer does); when reading,
/// the partition the record was written to.
/// </param>
public sealed record TestRecord<TKey, TValue>(
    TKey Key, TValue Value, long? Timestamp = null, Headers? Headers = null, int? Partition = null);
