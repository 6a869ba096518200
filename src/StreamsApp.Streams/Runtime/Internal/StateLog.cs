using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>Source-generated log messages of task state: checkpoints and changelog restoration.</summary>
internal static partial class StateLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning,
        Message = "Task {TaskId}: its checkpoint file is corrupt; wiping its state to restore it from the changelogs")]
    public static partial void CorruptCheckpoint(this ILogger logger, Exception exception, TaskId taskId);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information,
        Message = "Task {TaskId}: no checkpoint under exactly-once, so its stores may hold uncommitted writes; wiping its state to restore it from the changelogs")]
    public static partial void WipingWithoutCheckpoint(this ILogger logger, TaskId taskId);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information,
        Message = "Task {TaskId}: restoring changelog {Topic}-{Partition} from offset {StartOffset} to end offset {EndOffset}")]
    public static partial void RestoreStarting(this ILogger logger, TaskId taskId, string topic, int partition, long startOffset, long endOffset);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information,
        Message = "Task {TaskId}: restored changelog {Topic}-{Partition}, {Records} records in {ElapsedMs} ms")]
    public static partial void RestoreCompleted(this ILogger logger, TaskId taskId, string topic, int partition, long records, long elapsedMs);
}
