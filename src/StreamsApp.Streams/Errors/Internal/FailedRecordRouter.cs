using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Errors.Internal;

/// <summary>
/// Carries out a handler's response to a failed record, the same way for deserialization, processing and
/// production failures: Continue drops and counts it, DeadLetter writes its source record to the DLT through the
/// task's collector (so under exactly-once it joins the task's transaction) and counts it.
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
                task.Log.DeadLettered(record.Topic, source.Topic, source.Partition.Value, source.Offset.Value, exception.GetType().FullName);
                return true;
            }

            // A punctuation has no source record: there is nothing to copy and no topic to address.
            response = task.Config.DeadLetterFallback;
            task.Log.DeadLetterWithoutSource(context.ProcessorNodeId, exception.GetType().FullName, response);
        }

        if (response == ExceptionHandlerResponse.Continue)
        {
            task.Metrics.DroppedRecords.Increment();
            return true;
        }

        return false;
    }
}
