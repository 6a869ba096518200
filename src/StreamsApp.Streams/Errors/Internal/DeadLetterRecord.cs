using Confluent.Kafka;

namespace StreamsApp.Streams.Errors.Internal;

/// <summary>A dead-letter record, ready to send: the source record's bytes with the dead-letter headers.</summary>
/// <param name="Topic">The dead-letter topic.</param>
/// <param name="SourcePartition">The source record's partition, which the record goes to when the DLT has it.</param>
/// <param name="Key">The source record's raw key.</param>
/// <param name="Value">The source record's raw value.</param>
/// <param name="Headers">The source record's headers followed by <see cref="DeadLetterHeaders"/>.</param>
/// <param name="Timestamp">The source record's timestamp.</param>
internal sealed record DeadLetterRecord(
    string Topic, int SourcePartition, byte[]? Key, byte[]? Value, Headers Headers, long Timestamp);
