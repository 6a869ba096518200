using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// Source-generated log messages of the processing path (no formatting cost when disabled). A failed record the
/// exception handler dead-letters or drops is expected, so it is one warning carrying the exception (its stack trace
/// is the logger's to show or not); the failure messages at Error, with the exception, are for the failures that
/// stop the task.
/// </summary>
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

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning,
        Message = "Dead-lettered record from {Topic}-{Partition} at offset {Offset} to {DeadLetterTopic} after {ExceptionType} in {Node}")]
    public static partial void DeadLettered(
        this ILogger logger, Exception exception, string deadLetterTopic, string topic, int partition, long offset, string? exceptionType, string node);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning,
        Message = "Dropped record from {Topic}-{Partition} at offset {Offset} after {ExceptionType} in {Node}")]
    public static partial void Dropped(
        this ILogger logger, Exception exception, string? topic, int partition, long offset, string? exceptionType, string node);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error,
        Message = "Cannot dead-letter the {ExceptionType} of {Node}: it happened in a punctuation, with no source record; applying DeadLetterFallback {Fallback}")]
    public static partial void DeadLetterWithoutSource(this ILogger logger, string node, string? exceptionType, ExceptionHandlerResponse fallback);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error,
        Message = "Sink {Node} cannot serialize a record for topic {Topic}")]
    public static partial void SerializationFailed(this ILogger logger, Exception exception, string node, string topic);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error,
        Message = "The broker rejected a record of sink {Node} for {Topic}-{Partition}")]
    public static partial void DeliveryFailed(this ILogger logger, Exception exception, string node, string topic, int partition);
}
