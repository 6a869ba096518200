using System.Diagnostics.CodeAnalysis;

namespace StreamsApp.Contracts.Saga;

/// <summary>Where a saga is in its life cycle.</summary>
/// <remarks>Member names are the Avro symbols: Apache.Avro writes an enum by its name and reads it by ordinal.</remarks>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Avro symbols")]
public enum SagaStatus
{
    /// <summary>Started.</summary>
    STARTED,

    /// <summary>Stock reserved.</summary>
    STOCK_RESERVED,

    /// <summary>Payment done.</summary>
    PAYMENT_DONE,

    /// <summary>Shipped.</summary>
    SHIPPED,

    /// <summary>Completed.</summary>
    COMPLETED,

    /// <summary>Compensating.</summary>
    COMPENSATING,

    /// <summary>Failed.</summary>
    FAILED
}
