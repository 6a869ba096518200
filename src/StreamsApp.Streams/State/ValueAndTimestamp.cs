namespace StreamsApp.Streams.State;

/// <summary>A stored value with the timestamp of the record that last wrote it.</summary>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Timestamp">The timestamp in milliseconds since the Unix epoch.</param>
public readonly record struct ValueAndTimestamp<TValue>(TValue Value, long Timestamp);
