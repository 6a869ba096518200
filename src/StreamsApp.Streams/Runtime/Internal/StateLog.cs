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

    [LoggerMessage(EventId = 235, Level = LogLevel.Warning,
        Message = "Global store {Store}: {Reason}; wiping it to rebuild it from the beginning of topic {Topic}")]
    public static partial void WipingGlobalStore(this ILogger logger, string store, string reason, string topic);

    [LoggerMessage(EventId = 236, Level = LogLevel.Warning,
        Message = "Task {TaskId}: {Reason}; wiping its state to restore it from the changelogs")]
    public static partial void WipingStaleTaskState(this ILogger logger, TaskId taskId, string reason);

    [LoggerMessage(EventId = 237, Level = LogLevel.Warning,
        Message = "Global stores: {Reason}; wiping them to rebuild them from their topics")]
    public static partial void WipingStaleGlobalState(this ILogger logger, string reason);

    [LoggerMessage(EventId = 238, Level = LogLevel.Warning,
        Message = "Task {TaskId}: changelog {Topic}-{Partition} holds a transaction still open at offset {StableOffset} (end offset {EndOffset}); "
            + "its restoration completes only once that transaction is committed or aborted (a crashed producer's is aborted when its instance restarts, or after transaction.timeout.ms)")]
    public static partial void RestoreWaitsForOpenTransaction(this ILogger logger, TaskId taskId, string topic, int partition, long stableOffset, long endOffset);

    [LoggerMessage(EventId = 239, Level = LogLevel.Error,
        Message = "Task {TaskId}: changelog {Topic}-{Partition} of store {Store} starts at offset {LogStart}, past offset {Wanted} where its restoration should begin: "
            + "{Missing} offsets were deleted from a topic that must keep every key (its retention or the broker's storage dropped them), so the store lacks whatever they held")]
    public static partial void ChangelogTruncated(this ILogger logger, TaskId taskId, string topic, int partition, string store, long logStart, long wanted, long missing);

    [LoggerMessage(EventId = 240, Level = LogLevel.Error,
        Message = "Task {TaskId}: skipping the record at offset {Offset} of changelog {Topic}-{Partition}, which store {Store} cannot take: {Reason}")]
    public static partial void ChangelogRecordSkipped(this ILogger logger, TaskId taskId, string topic, int partition, long offset, string store, string reason);

    [LoggerMessage(EventId = 241, Level = LogLevel.Information,
        Message = "Task {TaskId}: store {Store} took the in-memory contents parked on this instance, which hold its changelog up to offset {Offset}; only what follows is restored")]
    public static partial void TookParkedStore(this ILogger logger, TaskId taskId, string store, long offset);
}
