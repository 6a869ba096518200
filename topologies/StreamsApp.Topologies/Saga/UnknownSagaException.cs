namespace StreamsApp.Topologies.Saga;

/// <summary>
/// A reply names a saga the orchestrator does not know. Thrown by the orchestrator so that
/// <see cref="SagaProcessingExceptionHandler"/> sends the reply, as read, to its topic's DLT (decision 0010).
/// </summary>
public sealed class UnknownSagaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownSagaException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public UnknownSagaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnknownSagaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exception for a reply keyed by <paramref name="sagaId"/> (null: the reply had no key).</summary>
    internal static UnknownSagaException For(string? sagaId) =>
        new($"No saga '{sagaId}': the reply names a saga that was never started");
}
