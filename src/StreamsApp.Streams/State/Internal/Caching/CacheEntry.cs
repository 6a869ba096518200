using Confluent.Kafka;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// A cached value (null = deleted) with the context of the record that wrote it, so that a later flush forwards it
/// with that record's timestamp and headers.
/// </summary>
internal sealed class CacheEntry(byte[] key, byte[]? value, bool isDirty, long timestamp, Headers? headers)
{
    /// <summary>Bytes an entry costs beyond its key and value (object headers, links), for the cache's size bound.</summary>
    public const int Overhead = 96;

    public byte[] Key { get; } = key;

    public byte[]? Value { get; set; } = value;

    public bool IsDirty { get; set; } = isDirty;

    public long Timestamp { get; set; } = timestamp;

    public Headers? Headers { get; set; } = headers;

    public LinkedListNode<CacheEntry>? LruNode { get; set; }

    /// <summary>The entry's node in its cache's dirty order: in the list while dirty, kept afterwards so marking dirty does not allocate.</summary>
    public LinkedListNode<CacheEntry>? DirtyNode { get; set; }

    public long Size => Key.Length + (Value?.Length ?? 0) + Overhead;
}
