using Microsoft.Extensions.Logging;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>Source-generated log messages of the processing path (no formatting cost when disabled).</summary>
internal static partial class TaskLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Error,
        Message = "Processor {Node} failed on record from {Topic}-{Partition} at offset {Offset}")]
    public static partial void ProcessingFailed(this ILogger logger, Exception exception, string node, string? topic, int partition, long offset);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error,
        Message = "Cannot deserialize record from {Topic}-{Partition} at offset {Offset}")]
    public static partial void DeserializationFailed(this ILogger logger, Exception exception, string topic, int partition, long offset);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "Skipping record from {Topic}-{Partition} at offset {Offset}: {Reason}")]
    public static partial void SkippingRecord(this ILogger logger, string? topic, int partition, long offset, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning,
        Message = "Out-of-order table update for store {Store}: timestamp {NewTimestamp} is older than {OldTimestamp}; applying it")]
    public static partial void OutOfOrderTableUpdate(this ILogger logger, string store, long newTimestamp, long oldTimestamp);
}
