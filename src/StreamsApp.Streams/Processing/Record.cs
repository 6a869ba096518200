using Confluent.Kafka;

namespace StreamsApp.Streams.Processing;

/// <summary>
/// A record flowing through a topology: key, value, timestamp (milliseconds since the Unix epoch) and headers.
/// Use <c>with</c> expressions to derive a record; the headers instance is shared unless replaced, as in Kafka
/// Streams, so a processor that changes headers for one output should give that output its own copy.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="Key">The key (may be null).</param>
/// <param name="Value">The value (null is a tombstone for tables).</param>
/// <param name="Timestamp">The record's event time in milliseconds since the Unix epoch.</param>
/// <param name="Headers">The record's headers, never null.</param>
public readonly record struct Record<TKey, TValue>(TKey Key, TValue Value, long Timestamp, Headers Headers)
{
    /// <summary>Creates a record with empty headers.</summary>
    public Record(TKey key, TValue value, long timestamp)
        : this(key, value, timestamp, new Headers())
    {
    }

    /// <summary>Returns a copy with another key (and key type).</summary>
    public Record<TNewKey, TValue> WithKey<TNewKey>(TNewKey key) => new(key, Value, Timestamp, Headers);

    /// <summary>Returns a copy with another value (and value type).</summary>
    public Record<TKey, TNewValue> WithValue<TNewValue>(TNewValue value) => new(Key, value, Timestamp, Headers);

    /// <summary>Returns a copy with another key and value.</summary>
    public Record<TNewKey, TNewValue> With<TNewKey, TNewValue>(TNewKey key, TNewValue value) =>
        new(key, value, Timestamp, Headers);
}
