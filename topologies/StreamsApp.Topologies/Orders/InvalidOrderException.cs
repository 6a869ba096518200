using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Orders;

/// <summary>An order event breaks one of <see cref="OrderRules"/>; it goes to <c>orders.events.DLT</c>.</summary>
public sealed class InvalidOrderException : RecordRejectedException
{
    /// <summary>Creates the exception with the broken rule.</summary>
    /// <param name="reason">Which rule the order breaks, and how.</param>
    public InvalidOrderException(string reason)
        : base(reason)
    {
    }

    /// <summary>Creates the exception without a reason (prefer the constructor with one).</summary>
    public InvalidOrderException()
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    /// <param name="reason">Which rule the order breaks, and how.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidOrderException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
