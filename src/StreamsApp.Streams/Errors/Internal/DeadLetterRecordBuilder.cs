using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace StreamsApp.Streams.Errors.Internal;

/// <summary>
/// Builds the dead-letter record of a failed source record; the deserialization, processing and production paths all
/// use it, so a DLT record looks the same whichever handler sent it.
/// </summary>
internal static class DeadLetterRecordBuilder
{
    public static DeadLetterRecord Build(
        ConsumeResult<byte[]?, byte[]?> source, string consumerGroup, string processorNode, Exception exception)
    {
        var headers = new Headers();
        var previousAttempts = 0;
        foreach (var header in source.Message.Headers ?? [])
        {
            if (header.Key == DeadLetterHeaders.AttemptCount)
            {
                previousAttempts = ParseAttempts(header.GetValueBytes());
            }

            // A replayed DLT record brings the metadata of its last failure; this failure's replaces it.
            if (!header.Key.StartsWith(DeadLetterHeaders.Prefix, StringComparison.Ordinal))
            {
                headers.Add(header.Key, header.GetValueBytes());
            }
        }

        var timestamp = source.Message.Timestamp.UnixTimestampMs;
        Add(headers, DeadLetterHeaders.Topic, source.Topic);
        Add(headers, DeadLetterHeaders.Partition, Invariant(source.Partition.Value));
        Add(headers, DeadLetterHeaders.Offset, Invariant(source.Offset.Value));
        Add(headers, DeadLetterHeaders.Timestamp, Invariant(timestamp));
        Add(headers, DeadLetterHeaders.ConsumerGroup, consumerGroup);
        Add(headers, DeadLetterHeaders.ExceptionClass, exception.GetType().FullName ?? exception.GetType().Name);
        Add(headers, DeadLetterHeaders.ExceptionMessage, exception.Message);
        headers.Add(DeadLetterHeaders.StackTrace, Utf8Prefix(exception.ToString(), DeadLetterHeaders.MaxStackTraceBytes));
        Add(headers, DeadLetterHeaders.AttemptCount, Invariant(previousAttempts + 1));
        Add(headers, DeadLetterHeaders.ProcessorNode, processorNode);
        return new DeadLetterRecord(
            DeadLetterTopic.For(source.Topic), source.Partition.Value, source.Message.Key, source.Message.Value, headers, timestamp);
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, cut to at most <paramref name="maxBytes"/> without splitting a character.</summary>
    private static byte[] Utf8Prefix(string text, int maxBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= maxBytes)
        {
            return bytes;
        }

        // bytes[cut] is the first byte dropped: while it continues a character (10xxxxxx), that character would be split.
        var cut = maxBytes;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return bytes[..cut];
    }

    /// <summary>A malformed count (not written by us) counts as no earlier attempt rather than failing the dead-lettering.</summary>
    private static int ParseAttempts(byte[]? value) =>
        value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) ? attempts : 0;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Add(Headers headers, string key, string value) => headers.Add(key, Encoding.UTF8.GetBytes(value));
}
