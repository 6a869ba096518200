using Confluent.Kafka;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// A raw source record with its extracted event time; <paramref name="Decoded"/> holds the deserialized record when
/// a typed timestamp extractor already had to deserialize it.
/// </summary>
internal readonly record struct StampedRecord(ConsumeResult<byte[]?, byte[]?> Raw, long Timestamp, object? Decoded);
