using StreamsApp.Streams.Errors;

namespace StreamsApp.Topologies.Saga;

/// <summary>
/// The processing exception handler an application running the saga configures
/// (<see cref="Streams.StreamsConfig.ProcessingExceptionHandler"/>): a reply for an unknown saga is dead-lettered by
/// the engine, which writes the reply as read with decision 0010's metadata headers to <c>&lt;reply topic&gt;.DLT</c>;
/// every other failure is left to <paramref name="otherwise"/>, so a bug is not silently dead-lettered.
/// </summary>
/// <param name="otherwise">The handler of every other failure, e.g. <see cref="ExceptionHandlers.LogAndFail"/>.</param>
public sealed class SagaProcessingExceptionHandler(IProcessingExceptionHandler otherwise) : IProcessingExceptionHandler
{
    /// <summary>Dead-letters unknown sagas and fails on anything else.</summary>
    public SagaProcessingExceptionHandler()
        : this(ExceptionHandlers.LogAndFail)
    {
    }

    /// <inheritdoc />
    public ExceptionHandlerResponse Handle(ErrorHandlerContext context, object? key, object? value, Exception exception) =>
        exception is UnknownSagaException
            ? ExceptionHandlerResponse.DeadLetter
            : otherwise.Handle(context, key, value, exception);
}
