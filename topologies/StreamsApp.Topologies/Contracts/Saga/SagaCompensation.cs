using System.Diagnostics.CodeAnalysis;

namespace StreamsApp.Contracts.Saga;

/// <summary>A compensating action of the order saga.</summary>
/// <remarks>Member names are the Avro symbols: Apache.Avro writes an enum by its name and reads it by ordinal.</remarks>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Avro symbols")]
public enum SagaCompensation
{
    /// <summary>Give back reserved stock (ReleaseStock).</summary>
    RELEASE_STOCK,

    /// <summary>Refund a captured payment (RefundPayment).</summary>
    REFUND_PAYMENT
}
