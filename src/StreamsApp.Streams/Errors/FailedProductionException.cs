namespace StreamsApp.Streams.Errors;

/// <summary>
/// A record could not be written (serialization or broker rejection) and the production exception handler chose to
/// fail, or the record was one the engine writes for itself (a changelog or dead-letter record), which is never skipped.
/// </summary>
public sealed class FailedProductionException : StreamsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="context">The source record and sink node; null for the engine's own records.</param>
    /// <param name="topic">The topic the record was meant for.</param>
    /// <param name="innerException">The serializer's or producer's error, or the handler's own.</param>
    public FailedProductionException(ErrorHandlerContext? context, string topic, Exception innerException)
        : base(Describe(context, topic, innerException), innerException)
    {
        Context = context;
        Topic = topic;
    }

    /// <summary>The source record and sink node; null for the engine's own records (changelog, dead-letter).</summary>
    public ErrorHandlerContext? Context { get; }

    /// <summary>The topic the record was meant for.</summary>
    public string Topic { get; }

    private static string Describe(ErrorHandlerContext? context, string topic, Exception innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        return context is null
            ? $"Error sending a record to '{topic}', which the engine cannot skip: {innerException.Message}"
            : $"Error sending a record to '{topic}'. taskId={context.TaskId}, processor={context.ProcessorNodeId}, " +
              $"topic={context.Topic}, partition={context.Partition}, offset={context.Offset}: {innerException.Message}";
    }
}
