using Confluent.Kafka;

namespace StreamsApp.Streams.Errors;

/// <summary>The built-in handlers: fail (the default), log and continue, or log and dead-letter.</summary>
public static class ExceptionHandlers
{
    /// <summary>Stops processing on the first failure (Kafka Streams' LogAndFail handlers).</summary>
    public static FixedResponseHandler LogAndFail { get; } = new(ExceptionHandlerResponse.Fail);

    /// <summary>Drops the failing record and goes on (Kafka Streams' LogAndContinue handlers).</summary>
    public static FixedResponseHandler LogAndContinue { get; } = new(ExceptionHandlerResponse.Continue);

    /// <summary>Writes the failing source record to its dead-letter topic and goes on.</summary>
    public static FixedResponseHandler LogAndDeadLetter { get; } = new(ExceptionHandlerResponse.DeadLetter);

    /// <summary>A handler that always gives the same response, for deserialization, processing and production.</summary>
    /// <param name="response">The response.</param>
    public sealed class FixedResponseHandler(ExceptionHandlerResponse response)
        : IProcessingExceptionHandler, IDeserializationExceptionHandler, IProductionExceptionHandler
    {
        /// <inheritdoc />
        public ExceptionHandlerResponse Handle(ErrorHandlerContext context, object? key, object? value, Exception exception) =>
            response;

        /// <inheritdoc />
        public ExceptionHandlerResponse Handle(
            ErrorHandlerContext context, ConsumeResult<byte[]?, byte[]?> record, Exception exception) => response;

        /// <inheritdoc />
        public ExceptionHandlerResponse Handle(
            ErrorHandlerContext context, TopicPartition destination, Message<byte[]?, byte[]?> record, Exception exception) =>
            response;

        /// <inheritdoc />
        public ExceptionHandlerResponse HandleSerializationException(
            ErrorHandlerContext context, string topic, object? key, object? value, Exception exception) => response;
    }
}
