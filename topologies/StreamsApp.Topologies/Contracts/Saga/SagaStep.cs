using System.Diagnostics.CodeAnalysis;

namespace StreamsApp.Contracts.Saga;

/// <summary>A forward step of the order saga.</summary>
/// <remarks>Member names are the Avro symbols: Apache.Avro writes an enum by its name and reads it by ordinal.</remarks>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Avro symbols")]
public enum SagaStep
{
    /// <summary>Inventory reserved the order's items (StockReserved).</summary>
    RESERVE_STOCK,

    /// <summary>Payment captured the amount (PaymentCaptured).</summary>
    CHARGE_PAYMENT,

    /// <summary>Shipping scheduled the delivery (ShipmentScheduled).</summary>
    SCHEDULE_SHIPMENT
}
