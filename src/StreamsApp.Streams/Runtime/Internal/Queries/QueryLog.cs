using Microsoft.Extensions.Logging;

namespace StreamsApp.Streams.Runtime.Internal.Queries;

/// <summary>Source-generated log messages of interactive-query membership.</summary>
internal static partial class QueryLog
{
    [LoggerMessage(EventId = 260, Level = LogLevel.Information, Message = "Published query host {Host} with tasks {Tasks}")]
    public static partial void Published(ILogger logger, HostInfo host, IReadOnlyCollection<Processing.TaskId> tasks);

    [LoggerMessage(EventId = 261, Level = LogLevel.Warning, Message = "Publishing to the query-hosts topic failed: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 262, Level = LogLevel.Warning, Message = "Ignoring an unreadable claim at offset {Offset} of the query-hosts topic")]
    public static partial void UnreadableClaim(ILogger logger, long offset);

    [LoggerMessage(EventId = 263, Level = LogLevel.Warning, Message = "Reading the query-hosts topic failed; retrying: {Reason}")]
    public static partial void FollowFailed(ILogger logger, string reason);
}
