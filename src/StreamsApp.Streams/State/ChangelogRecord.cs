namespace StreamsApp.Streams.State;

/// <summary>
/// One record of a store's changelog as restoration reads it back: raw key and value, and the record's timestamp,
/// which a timestamped store needs to rebuild its stored value (its changelog carries the plain value and the stored
/// timestamp as the record timestamp).
/// </summary>
/// <param name="Key">The raw changelog key (the store key).</param>
/// <param name="Value">The raw changelog value; null is a tombstone that deletes the key.</param>
/// <param name="Timestamp">The changelog record's timestamp, in milliseconds since the Unix epoch.</param>
public readonly record struct ChangelogRecord(byte[] Key, byte[]? Value, long Timestamp);
