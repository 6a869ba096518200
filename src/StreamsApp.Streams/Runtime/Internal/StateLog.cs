using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>Source-generated log messages of task and global state: checkpoints and changelog restoration.</summary>
internal static partial class StateLog
{
    [LoggerMessage(EventId = 230, Level = LogLevel.Warning,
        Message = "Task {TaskId}: its checkpoint file is corrupt; wiping its state to restore it from the changelogs")]
    public static partial void CorruptCheckpoint(this ILogger logger, Exception exception, TaskId taskId);

    [LoggerMessage(EventId = 231, Level = LogLevel.Information,
        Message = "Task {TaskId}: no checkpoint under exactly-once, so its stores may hold uncommitted writes; wiping its state to restore it from the changelogs")]
    public static partial void WipingWithoutCheckpoint(this ILogger logger, TaskId taskId);

    [LoggerMessage(EventId = 232, Level = LogLevel.Information,
        Message = "Task {TaskId}: restoring changelog {Topic}-{Partition} from offset {StartOffset} to end offset {EndOffset}")]
    public static partial void RestoreStarting(this ILogger logger, TaskId taskId, string topic, int partition, long startOffset, long endOffset);

    [LoggerMessage(EventId = 233, Level = LogLevel.Information,
        Message = "Task {TaskId}: restored changelog {Topic}-{Partition}, {Records} records in {ElapsedMs} ms")]
    public static partial void RestoreCompleted(this ILogger logger, TaskId taskId, string topic, int partition, long records, long elapsedMs);

    [LoggerMessage(EventId = 234, Level = LogLevel.Warning,
        Message = "The global stores' checkpoint file is corrupt; rebuilding every global store from its topic")]
    public static partial void CorruptGlobalCheckpoint(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 235, Level = LogLevel.Information,
        Message = "Global store {Store}: {Reason}; wiping it to rebuild it from the beginning of topic {Topic}")]
    public static partial void WipingGlobalStore(this ILogger logger, string store, string reason, string topic);
}
