using Microsoft.Extensions.Logging;

namespace StreamsApp.Streams.Runtime.Internal.Queries;

/// <summary>Source-generated log messages of interactive-query membership.</summary>
internal static partial class QueryLog
{
    [LoggerMessage(EventId = 260, Level = LogLevel.Information, Message = "Published query host {Host} with tasks {Tasks} and standbys {Standbys}")]
    public static partial void Published(
        ILogger logger, HostInfo host, IReadOnlyCollection<Processing.TaskId> tasks, IReadOnlyCollection<Processing.TaskId> standbys);

    [LoggerMessage(EventId = 261, Level = LogLevel.Warning, Message = "Publishing to the query-hosts topic failed: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 262, Level = LogLevel.Warning, Message = "Ignoring the record at offset {Offset} of {Topic}: {Reason}")]
    public static partial void RejectedClaim(ILogger logger, long offset, string topic, string reason);

    [LoggerMessage(EventId = 263, Level = LogLevel.Warning, Message = "Reading the query-hosts topic failed; retrying: {Reason}")]
    public static partial void FollowFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 264, Level = LogLevel.Warning,
        Message = "QueryHostsSecret is not set: the claims instances publish to {Topic} are signed with a key anyone can derive from the application id, "
            + "so whoever can write to that topic can name the address queries are forwarded to. Set the same secret on every instance")]
    public static partial void UnauthenticatedClaims(ILogger logger, string topic);
}
