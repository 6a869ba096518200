using Confluent.Kafka;

namespace StreamsApp.Streams.Processing;

/// <summary>
/// A record whose key a processor may not change (see <see cref="IFixedKeyProcessor{TKey, TValueIn, TValueOut}"/>),
/// so that value-only operations never need repartitioning. It can only be derived from the input record.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public readonly struct FixedKeyRecord<TKey, TValue>
{
    internal FixedKeyRecord(TKey key, TValue value, long timestamp, Headers headers)
    {
        Key = key;
        Value = value;
        Timestamp = timestamp;
        Headers = headers;
    }

    /// <summary>The key, which this record type keeps fixed.</summary>
    public TKey Key { get; }

    /// <summary>The value.</summary>
    public TValue Value { get; }

    /// <summary>The timestamp in milliseconds since the Unix epoch.</summary>
    public long Timestamp { get; }

    /// <summary>The headers.</summary>
    public Headers Headers { get; }

    /// <summary>Returns a copy with another value (and value type).</summary>
    public FixedKeyRecord<TKey, TNewValue> WithValue<TNewValue>(TNewValue value) => new(Key, value, Timestamp, Headers);

    /// <summary>Returns a copy with another timestamp.</summary>
    public FixedKeyRecord<TKey, TValue> WithTimestamp(long timestamp) => new(Key, Value, timestamp, Headers);

    /// <summary>Returns a copy with other headers.</summary>
    public FixedKeyRecord<TKey, TValue> WithHeaders(Headers headers) => new(Key, Value, Timestamp, headers);

    internal Record<TKey, TValue> ToRecord() => new(Key, Value, Timestamp, Headers);
}
