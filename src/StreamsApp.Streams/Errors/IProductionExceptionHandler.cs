using Confluent.Kafka;

namespace StreamsApp.Streams.Errors;

/// <summary>
/// Decides what happens when a sink record cannot be written: its key or value cannot be serialized, or the broker
/// rejects it. <see cref="ExceptionHandlerResponse.DeadLetter"/> dead-letters the source record that produced it.
/// Records the engine writes for itself (changelogs, dead-letter records) never reach this handler: losing one would
/// lose state or a failed record, so their failures always fail the task.
/// </summary>
public interface IProductionExceptionHandler
{
    /// <summary>
    /// Called when the broker rejected a record after the producer's own retries; the engine has already logged
    /// the error. The context is the one captured when the record was sent (its source record and sink node). With
    /// the Kafka runtime this runs on the producer's delivery-report thread, so it must be thread-safe.
    /// </summary>
    /// <param name="context">The source record and sink node that produced the record.</param>
    /// <param name="destination">The topic and partition the record was sent to.</param>
    /// <param name="record">The serialized record.</param>
    /// <param name="exception">The producer's error.</param>
    ExceptionHandlerResponse Handle(
        ErrorHandlerContext context, TopicPartition destination, Message<byte[]?, byte[]?> record, Exception exception);

    /// <summary>Called when a sink cannot serialize a record's key or value; the engine has already logged the error.</summary>
    /// <param name="context">The source record and sink node.</param>
    /// <param name="topic">The topic the record was meant for.</param>
    /// <param name="key">The record's key.</param>
    /// <param name="value">The record's value.</param>
    /// <param name="exception">What the serializer threw; its message names the sink, the topic and key or value.</param>
    ExceptionHandlerResponse HandleSerializationException(
        ErrorHandlerContext context, string topic, object? key, object? value, Exception exception);
}
