using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Errors.Internal;

/// <summary>
/// Carries out a handler's response to a failed record, the same way for deserialization, processing and
/// production failures: Continue drops and counts it, DeadLetter writes its source record to the DLT through the
/// task's collector (so under exactly-once it joins the task's transaction) and counts it. Either is logged here, as
/// one warning; a failure that stops the task is logged by the caller, as an error.
/// </summary>
internal static class FailedRecordRouter
{
    /// <summary>Returns false when the task must fail: the response is Fail, or DeadLetter with no source record and a Fail fallback.</summary>
    public static bool TryRoute(TaskContext task, ExceptionHandlerResponse response, ErrorHandlerContext context, Exception exception)
    {
        if (response == ExceptionHandlerResponse.DeadLetter)
        {
            if (context.SourceRecord is { } source)
            {
                var record = DeadLetterRecordBuilder.Build(source, task.ApplicationId, context.ProcessorNodeId, exception);
                task.Collector.SendDeadLetter(record);
                task.Metrics.DeadLetterRecords.Increment();
                task.Log.DeadLettered(
                    exception, record.Topic, source.Topic, source.Partition.Value, source.Offset.Value, exception.GetType().FullName, context.ProcessorNodeId);
                return true;
            }

            // A punctuation has no source record: there is nothing to copy and no topic to address.
            response = task.Config.DeadLetterFallback;
            task.Log.DeadLetterWithoutSource(context.ProcessorNodeId, exception.GetType().FullName, response);
        }

        if (response == ExceptionHandlerResponse.Continue)
        {
            task.Metrics.DroppedRecords.Increment();
            task.Log.Dropped(exception, context.Topic, context.Partition, context.Offset, exception.GetType().FullName, context.ProcessorNodeId);
            return true;
        }

        return false;
    }
}
