using Confluent.Kafka;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// Where a sink record came from, captured when it is sent: by the time a broker rejects it the task has moved on
/// to other records (or punctuations), so the production handler and a dead-letter record need what was current
/// then. A struct, and the error context is built only on failure, so the success path allocates nothing for it.
/// </summary>
/// <param name="Task">The task that sent it: its handlers, metrics, log and collector.</param>
/// <param name="SinkName">The sink node.</param>
/// <param name="Source">The source record being processed; null when a punctuation produced the record.</param>
/// <param name="Timestamp">The sink record's timestamp.</param>
internal readonly record struct SendOrigin(
    TaskContext Task, string SinkName, ConsumeResult<byte[]?, byte[]?>? Source, long Timestamp)
{
    public ErrorHandlerContext ErrorContext() => ErrorHandlerContext.Of(Source, SinkName, Timestamp, Task.TaskId);
}
