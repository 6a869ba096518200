using Confluent.Kafka;

namespace StreamsApp.Streams.Errors;

/// <summary>Decides what happens when a source record's key or value cannot be deserialized.</summary>
public interface IDeserializationExceptionHandler
{
    /// <summary>Called with the raw record; the engine has already logged the error.</summary>
    ExceptionHandlerResponse Handle(ErrorHandlerContext context, ConsumeResult<byte[]?, byte[]?> record, Exception exception);
}
