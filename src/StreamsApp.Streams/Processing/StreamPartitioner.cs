namespace StreamsApp.Streams.Processing;

/// <summary>
/// Chooses the partition of an output record; return null to use the default (Java-compatible murmur2 of the
/// serialized key).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="topic">The output topic.</param>
/// <param name="key">The record key.</param>
/// <param name="value">The record value.</param>
/// <param name="partitionCount">The topic's partition count.</param>
public delegate int? StreamPartitioner<in TKey, in TValue>(string topic, TKey key, TValue value, int partitionCount);
