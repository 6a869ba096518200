using Confluent.Kafka;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Errors;

/// <summary>Where a failure happened: the source record's coordinates and the node that failed.</summary>
/// <param name="Topic">The source topic of the record being processed (null inside a punctuation).</param>
/// <param name="Partition">The source partition (-1 when unknown).</param>
/// <param name="Offset">The source offset (-1 when unknown).</param>
/// <param name="Timestamp">The record's timestamp.</param>
/// <param name="Headers">The record's headers.</param>
/// <param name="ProcessorNodeId">The node that failed.</param>
/// <param name="TaskId">The task.</param>
public sealed record ErrorHandlerContext(
    string? Topic, int Partition, long Offset, long Timestamp, Headers? Headers, string ProcessorNodeId, TaskId TaskId)
{
    /// <summary>The raw source record, which a dead-letter record copies; null inside a punctuation.</summary>
    internal ConsumeResult<byte[]?, byte[]?>? SourceRecord { get; init; }

    /// <summary>The context of a failure while <paramref name="source"/> (null: a punctuation) was being processed.</summary>
    internal static ErrorHandlerContext Of(
        ConsumeResult<byte[]?, byte[]?>? source, string nodeName, long timestamp, TaskId taskId) =>
        source is { } r
            ? new(r.Topic, r.Partition.Value, r.Offset.Value, timestamp, r.Message.Headers, nodeName, taskId) { SourceRecord = r }
            : new(null, -1, -1, timestamp, null, nodeName, taskId);
}
