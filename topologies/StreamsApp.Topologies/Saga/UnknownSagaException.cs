using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Saga;

/// <summary>
/// A reply names a saga the orchestrator does not know. It can never be processed, so it is rejected: with
/// <see cref="DeadLetterConfig.UseDeadLetterTopics"/> the reply, as read, goes to its topic's DLT (decision 0010).
/// </summary>
public sealed class UnknownSagaException : RecordRejectedException
{
    /// <summary>Creates the exception.</summary>
    public UnknownSagaException()
    {
    }

    /// <summary>Creates the exception with the reason the reply was rejected.</summary>
    /// <param name="reason">The reason.</param>
    public UnknownSagaException(string reason)
        : base(reason)
    {
    }

    /// <summary>Creates the exception with a reason and a cause.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="innerException">The cause.</param>
    public UnknownSagaException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }

    /// <summary>The exception for a reply keyed by <paramref name="sagaId"/> (null: the reply had no key).</summary>
    internal static UnknownSagaException For(string? sagaId) =>
        new($"No saga '{sagaId}': the reply names a saga that was never started");
}
