using StreamsApp.Streams.Errors;

namespace StreamsApp.Topologies.Messaging;

/// <summary>
/// The processing exception handler of the mission's topologies: a <see cref="RecordRejectedException"/> sends the
/// source record to its dead-letter topic (decision 0010) and processing goes on; any other exception is a bug or
/// an outage, which <paramref name="fallback"/> decides (by default the task fails, so nothing is silently lost).
/// </summary>
/// <param name="fallback">The handler for every other exception; null means <see cref="ExceptionHandlers.LogAndFail"/>.</param>
public sealed class RejectedRecordHandler(IProcessingExceptionHandler? fallback = null) : IProcessingExceptionHandler
{
    private readonly IProcessingExceptionHandler _fallback = fallback ?? ExceptionHandlers.LogAndFail;

    /// <inheritdoc />
    public ExceptionHandlerResponse Handle(ErrorHandlerContext context, object? key, object? value, Exception exception) =>
        exception is RecordRejectedException
            ? ExceptionHandlerResponse.DeadLetter
            : _fallback.Handle(context, key, value, exception);
}
