using Confluent.Kafka;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>A write to a named cache: the key, its value (null = deleted), whether it must still reach the store, and its record context.</summary>
internal readonly record struct CacheWrite(byte[] Key, byte[]? Value, bool IsDirty, long Timestamp, Headers? Headers);
