using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>Source-generated log messages of the runtime.</summary>
internal static partial class RuntimeLog
{
    // Per task, Debug: an assignment is logged once at Information, with its partitions; a worker would otherwise log
    // a line per task at every start, stop and rebalance.
    [LoggerMessage(EventId = 200, Level = LogLevel.Debug, Message = "Created task {TaskId}")]
    public static partial void TaskCreated(ILogger logger, TaskId taskId);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Closed task {TaskId} (clean: {Clean})")]
    public static partial void TaskClosed(ILogger logger, TaskId taskId, bool clean);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Commit failed transiently, retrying at the next commit: {Reason}")]
    public static partial void CommitRetry(ILogger logger, string reason);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Aborting the transaction failed: {Reason}")]
    public static partial void AbortFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Stream thread {Thread} state {From} -> {To}")]
    public static partial void ThreadStateChanged(ILogger logger, string thread, StreamThreadState from, StreamThreadState to);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "Partitions assigned to {Thread}: {Partitions}")]
    public static partial void PartitionsAssigned(ILogger logger, string thread, PartitionRanges partitions);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Partitions revoked from {Thread}")]
    public static partial void PartitionsRevoked(ILogger logger, string thread);

    [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "Partitions lost by {Thread}; closing its tasks dirty")]
    public static partial void PartitionsLost(ILogger logger, string thread);

    [LoggerMessage(EventId = 208, Level = LogLevel.Warning, Message = "Tasks of {Thread} migrated to another member; rejoining the group")]
    public static partial void TasksMigrated(ILogger logger, Exception exception, string thread);

    [LoggerMessage(EventId = 209, Level = LogLevel.Error, Message = "Stream thread {Thread} failed")]
    public static partial void ThreadFailed(ILogger logger, Exception exception, string thread);

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "Application state {From} -> {To}")]
    public static partial void StateChanged(ILogger logger, KafkaStreamsState from, KafkaStreamsState to);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "{Reason}")]
    public static partial void GuaranteeDowngraded(ILogger logger, string reason);

    [LoggerMessage(EventId = 212, Level = LogLevel.Information, Message = "Global stores bootstrapped: {Records} records from {Partitions} partitions")]
    public static partial void GlobalBootstrapped(ILogger logger, long records, int partitions);

    [LoggerMessage(EventId = 213, Level = LogLevel.Information, Message = "Shutdown signal {Signal} received; closing cleanly")]
    public static partial void ShutdownSignal(ILogger logger, System.Runtime.InteropServices.PosixSignal signal);

    [LoggerMessage(EventId = 214, Level = LogLevel.Warning,
        Message = "Cannot read the cluster's identity ({Reason}); local state is checked against the changelogs' offsets only")]
    public static partial void ClusterIdentityUnknown(ILogger logger, string reason);

    [LoggerMessage(EventId = 215, Level = LogLevel.Error,
        Message = "Stream thread {Thread} lost the Kafka cluster ({Reason}); processing waits, and resumes by itself when a broker answers again")]
    public static partial void ClusterLost(ILogger logger, string thread, string reason);

    [LoggerMessage(EventId = 216, Level = LogLevel.Information, Message = "Stream thread {Thread} reaches the Kafka cluster again, after {Seconds:0.#} s")]
    public static partial void ClusterFound(ILogger logger, string thread, double seconds);

    [LoggerMessage(EventId = 218, Level = LogLevel.Warning, Message = "Task {TaskId} waits for the cluster before it opens: {Reason}")]
    public static partial void TaskCreationDeferred(ILogger logger, Processing.TaskId taskId, string reason);

    [LoggerMessage(EventId = 217, Level = LogLevel.Warning,
        Message = "Stream thread {Thread} did not run for {Seconds:0.#} s (frozen or starved); checking that it still owns its tasks before it processes more")]
    public static partial void ResumedAfterPause(ILogger logger, string thread, double seconds);

    [LoggerMessage(EventId = 224, Level = LogLevel.Information,
        Message = "Not checking that the cluster speaks the consumer group protocol over {SecurityProtocol}; a broker before Kafka 4.0 would never assign this application a task")]
    public static partial void GroupProtocolUnchecked(ILogger logger, string securityProtocol);

    [LoggerMessage(EventId = 225, Level = LogLevel.Information,
        Message = "Consumer group {Group}: session timeout {SessionMs} ms, heartbeat interval {HeartbeatMs} ms, set as the group's configs")]
    public static partial void GroupTimeoutsSet(ILogger logger, string group, double? sessionMs, double? heartbeatMs);

    [LoggerMessage(EventId = 226, Level = LogLevel.Warning,
        Message = "session.timeout.ms and heartbeat.interval.ms do not apply to consumer group {Group} under the consumer group protocol, " +
            "and the group's configs could not be set ({Reason}): the broker's group.consumer.session.timeout.ms and " +
            "group.consumer.heartbeat.interval.ms apply (bounded by group.consumer.min.session.timeout.ms and group.consumer.min.heartbeat.interval.ms)")]
    public static partial void GroupTimeoutsRefused(ILogger logger, string group, string reason);
}
