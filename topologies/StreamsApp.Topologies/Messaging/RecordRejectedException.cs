namespace StreamsApp.Topologies.Messaging;

/// <summary>
/// A record breaks a business rule, so processing it again can never succeed (seed 004: "business rule violations
/// that will never succeed on retry"). <see cref="RejectedRecordHandler"/> sends the record to its dead-letter
/// topic with this exception's message as the reason; anything else a processor throws stays a failure.
/// </summary>
public class RecordRejectedException : Exception
{
    /// <summary>Creates the exception with the reason the record was rejected.</summary>
    /// <param name="reason">Why the record was rejected; it becomes the DLT record's message header.</param>
    public RecordRejectedException(string reason)
        : base(reason)
    {
    }

    /// <summary>Creates the exception without a reason (prefer the constructor with one).</summary>
    public RecordRejectedException()
    {
    }

    /// <summary>Creates the exception with a reason and the error that caused the rejection.</summary>
    /// <param name="reason">Why the record was rejected.</param>
    /// <param name="innerException">The cause.</param>
    public RecordRejectedException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
