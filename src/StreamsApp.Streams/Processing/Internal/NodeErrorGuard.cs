using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Errors.Internal;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// Applies the processing exception handler to what a node throws. An error already handled by a downstream node
/// passes through untouched, so each failure is handled once, by the node that raised it.
/// </summary>
internal readonly struct NodeErrorGuard(TaskContext task, string nodeName)
{
    /// <summary>
    /// False for failures already decided by a handler (a downstream node's, or a sink's production handler) and for
    /// task migration (another member owns the task now), which is the runtime's business, never the handler's.
    /// </summary>
    public static bool ShouldHandle(Exception exception) =>
        exception is not (FailedProcessingException or FailedProductionException or TaskMigratedException);

    public void Handle(Exception exception, object? key, object? value, long timestamp)
    {
        var context = task.ErrorContext(nodeName, timestamp);
        ExceptionHandlerResponse response;
        try
        {
            response = task.Config.ProcessingExceptionHandler.Handle(context, key, value, exception);
        }
        catch (Exception handlerError)
        {
            // A raw exception would reach the parent nodes' guards and be handled again as theirs; fail here, once.
            task.Log.ProcessingFailed(exception, nodeName, context.Topic, context.Partition, context.Offset);
            throw new FailedProcessingException(context, handlerError, "Fatal user code error in processing error callback");
        }

        // A record dead-lettered or dropped is logged by the router, as one warning.
        if (!FailedRecordRouter.TryRoute(task, response, context, exception))
        {
            task.Log.ProcessingFailed(exception, nodeName, context.Topic, context.Partition, context.Offset);
            throw new FailedProcessingException(context, exception);
        }
    }
}
