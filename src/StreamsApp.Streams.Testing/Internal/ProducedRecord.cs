using Confluent.Kafka;

namespace StreamsApp.Streams.Testing.Internal;

/// <summary>A record the topology wrote, as bytes, where it landed.</summary>
internal sealed record ProducedRecord(
    string Topic, int Partition, long Offset, byte[]? Key, byte[]? Value, Headers? Headers, long Timestamp);
