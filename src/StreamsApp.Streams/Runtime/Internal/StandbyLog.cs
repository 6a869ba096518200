using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>Source-generated log messages of standby replicas.</summary>
internal static partial class StandbyLog
{
    [LoggerMessage(EventId = 219, Level = LogLevel.Information, Message = "Standby of task {TaskId} opened, following {Changelogs}")]
    public static partial void Opened(ILogger logger, TaskId taskId, string changelogs);

    [LoggerMessage(EventId = 220, Level = LogLevel.Information, Message = "Standby of task {TaskId} closed (clean: {Clean})")]
    public static partial void Closed(ILogger logger, TaskId taskId, bool clean);

    [LoggerMessage(EventId = 221, Level = LogLevel.Information, Message = "Standby of task {TaskId} hands its state over to the task now active here")]
    public static partial void HandedOver(ILogger logger, TaskId taskId);

    [LoggerMessage(EventId = 222, Level = LogLevel.Warning, Message = "Standby of task {TaskId} waits for the cluster before it opens: {Reason}")]
    public static partial void Deferred(ILogger logger, TaskId taskId, string reason);

    [LoggerMessage(EventId = 223, Level = LogLevel.Error,
        Message = "Standby replicas failed; they close and open again in a second (active tasks are not affected)")]
    public static partial void Failed(ILogger logger, Exception exception);
}
