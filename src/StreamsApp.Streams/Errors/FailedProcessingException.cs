namespace StreamsApp.Streams.Errors;

/// <summary>A processor failed and its handler chose to fail (or threw itself); carries the failing node's name.</summary>
public sealed class FailedProcessingException : StreamsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="context">Where the failure happened.</param>
    /// <param name="innerException">What the processor threw.</param>
    public FailedProcessingException(ErrorHandlerContext context, Exception innerException)
        : base(
            $"Exception caught in process. taskId={context.TaskId}, processor={context.ProcessorNodeId}, " +
            $"topic={context.Topic}, partition={context.Partition}, offset={context.Offset}: {innerException.Message}",
            innerException)
    {
        Context = context;
    }

    /// <summary>Creates the exception for a failure of the exception handler itself.</summary>
    internal FailedProcessingException(ErrorHandlerContext context, Exception handlerError, string reason)
        : base(
            $"{reason}. taskId={context.TaskId}, processor={context.ProcessorNodeId}, topic={context.Topic}, " +
            $"partition={context.Partition}, offset={context.Offset}: {handlerError.Message}",
            handlerError)
    {
        Context = context;
    }

    /// <summary>Where the failure happened.</summary>
    public ErrorHandlerContext Context { get; }
}
