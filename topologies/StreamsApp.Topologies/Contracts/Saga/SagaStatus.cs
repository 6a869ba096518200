using System.Diagnostics.CodeAnalysis;

namespace StreamsApp.Contracts.Saga;

/// <summary>Where a saga is in its life cycle.</summary>
/// <remarks>Member names are the Avro symbols: Apache.Avro writes an enum by its name and reads it by ordinal.</remarks>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Avro symbols")]
public enum SagaStatus
{
    /// <summary>The order arrived; stock is being reserved.</summary>
    STARTED,

    /// <summary>Stock is reserved; payment is being charged.</summary>
    STOCK_RESERVED,

    /// <summary>Payment is captured; shipment is being scheduled.</summary>
    PAYMENT_DONE,

    /// <summary>Shipment is scheduled.</summary>
    SHIPPED,

    /// <summary>Every step succeeded; nothing is left to do.</summary>
    COMPLETED,

    /// <summary>A step failed or the deadline passed; compensations are issued.</summary>
    COMPENSATING,

    /// <summary>The saga ended without completing.</summary>
    FAILED
}
