using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Worker.Operations.DeadLetters;

/// <summary>A dead-lettered record as the DLT endpoints show it: where it is, what it held, and why it failed.</summary>
/// <param name="Partition">Its partition in the DLT.</param>
/// <param name="Offset">Its offset in the DLT.</param>
/// <param name="Timestamp">Its timestamp.</param>
/// <param name="Key">The key, as UTF-8 text (null when absent).</param>
/// <param name="Value">
/// The value: UTF-8 text, Avro's JSON encoding of a registered Avro value, or base64 when it is neither (see
/// <paramref name="ValueEncoding"/>).
/// </param>
/// <param name="ValueEncoding"><c>utf-8</c>, <c>avro-json</c> or <c>base64</c>; null without a value.</param>
/// <param name="Error">Decision 0010's metadata headers, decoded.</param>
/// <param name="Headers">The other headers (trace context, a replay's source), as text.</param>
/// <param name="SchemaId">The registry id of an Avro value's writer schema.</param>
internal sealed record DeadLetterEntry(
    int Partition, long Offset, DateTimeOffset Timestamp, string? Key, string? Value, string? ValueEncoding, DeadLetterError Error,
    IReadOnlyDictionary<string, string> Headers, int? SchemaId = null)
{
    /// <summary>The <see cref="ValueEncoding"/> of a value that is not text.</summary>
    public const string Base64 = "base64";

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>The entry of a consumed DLT record.</summary>
    public static DeadLetterEntry Of(ConsumeResult<byte[]?, byte[]?> record)
    {
        var headers = record.Message.Headers ?? [];
        var value = record.Message.Value;
        var text = value is null ? null : TryText(value);
        return new DeadLetterEntry(
            record.Partition.Value,
            record.Offset.Value,
            record.Message.Timestamp.UtcDateTime,
            record.Message.Key is { } key ? Encoding.UTF8.GetString(key) : null,
            value is null ? null : text ?? Convert.ToBase64String(value),
            value is null ? null : text is null ? Base64 : "utf-8",
            DeadLetterError.Of(headers),
            headers.Where(h => !h.Key.StartsWith(DeadLetterHeaders.Prefix, StringComparison.Ordinal) && h.GetValueBytes() is not null)
                .GroupBy(h => h.Key)
                .ToDictionary(g => g.Key, g => Encoding.UTF8.GetString(g.Last().GetValueBytes())));
    }

    private static string? TryText(byte[] bytes)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}

/// <summary>Why a record was dead-lettered and where it came from (decision 0010's headers).</summary>
internal sealed record DeadLetterError(
    string? ExceptionClass, string? Message, string? ProcessorNode, string? SourceTopic, int? SourcePartition, long? SourceOffset, int? Attempts,
    string? StackTrace)
{
    /// <summary>The metadata in <paramref name="headers"/>.</summary>
    public static DeadLetterError Of(Headers headers) => new(
        Text(headers, DeadLetterHeaders.ExceptionClass),
        Text(headers, DeadLetterHeaders.ExceptionMessage),
        Text(headers, DeadLetterHeaders.ProcessorNode),
        Text(headers, DeadLetterHeaders.Topic),
        int.TryParse(Text(headers, DeadLetterHeaders.Partition), out var partition) ? partition : null,
        long.TryParse(Text(headers, DeadLetterHeaders.Offset), out var offset) ? offset : null,
        int.TryParse(Text(headers, DeadLetterHeaders.AttemptCount), out var attempts) ? attempts : null,
        Text(headers, DeadLetterHeaders.StackTrace));

    private static string? Text(Headers headers, string name) =>
        headers.TryGetLastBytes(name, out var bytes) && bytes is not null ? Encoding.UTF8.GetString(bytes) : null;
}
