using Confluent.Kafka;

namespace StreamsApp.Streams.Processing;

/// <summary>
/// Gives a source record its event time. The default uses the record's own timestamp; a typed extractor that reads
/// the value can be set per source with <c>Consumed.WithTimestampExtractor</c>.
/// </summary>
/// <typeparam name="TKey">The deserialized key type.</typeparam>
/// <typeparam name="TValue">The deserialized value type.</typeparam>
/// <param name="key">The deserialized key.</param>
/// <param name="value">The deserialized value.</param>
/// <param name="recordTimestamp">The timestamp Kafka stored with the record.</param>
/// <param name="partitionTime">The largest timestamp extracted so far from this partition (-1 before the first).</param>
/// <returns>The event time in milliseconds since the Unix epoch; a negative result fails the task.</returns>
public delegate long TimestampExtractor<in TKey, in TValue>(TKey key, TValue value, long recordTimestamp, long partitionTime);

/// <summary>Raw source records as the runtime hands them to a task.</summary>
internal static class RawRecords
{
    public static long Timestamp(this ConsumeResult<byte[]?, byte[]?> record) => record.Message.Timestamp.UnixTimestampMs;
}
