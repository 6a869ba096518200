using Confluent.Kafka;

namespace StreamsApp.Streams.Errors;

/// <summary>The built-in handlers: fail (the default) or log and continue.</summary>
public static class ExceptionHandlers
{
    /// <summary>Stops processing on the first failure (Kafka Streams' LogAndFail handlers).</summary>
    public static FixedResponseHandler LogAndFail { get; } = new(ExceptionHandlerResponse.Fail);

    /// <summary>Drops the failing record and goes on (Kafka Streams' LogAndContinue handlers).</summary>
    public static FixedResponseHandler LogAndContinue { get; } = new(ExceptionHandlerResponse.Continue);

    /// <summary>A handler that always gives the same response.</summary>
    /// <param name="response">The response.</param>
    public sealed class FixedResponseHandler(ExceptionHandlerResponse response)
        : IProcessingExceptionHandler, IDeserializationExceptionHandler
    {
        /// <inheritdoc />
        public ExceptionHandlerResponse Handle(ErrorHandlerContext context, object? key, object? value, Exception exception) =>
            response;

        /// <inheritdoc />
        public ExceptionHandlerResponse Handle(
            ErrorHandlerContext context, ConsumeResult<byte[]?, byte[]?> record, Exception exception) => response;
    }
}
