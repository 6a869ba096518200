using StreamsApp.Contracts.Payments;

namespace StreamsApp.Topologies.Participants.Payments;

/// <summary>What became of an order's charge.</summary>
internal enum ChargeStatus
{
    /// <summary>The amount counts against the customer's credit.</summary>
    Captured,

    /// <summary>Nothing was charged.</summary>
    Failed,

    /// <summary>Captured, then given back.</summary>
    Refunded,
}

/// <summary>
/// The decision on an order's charge, kept by order id on the customer's task: a redelivered ChargePayment gets the
/// same answer (never a second charge, nor a capture after a failure the saga already compensated), and a refund
/// gives back exactly what was captured, once.
/// </summary>
internal sealed record Charge(ChargeStatus Status, string PaymentId, decimal Amount, string Currency, string? FailureReason)
{
    /// <summary>The reply that states the decision (a refunded charge is no longer capturable).</summary>
    public IPaymentReply Reply(ChargePayment command, long timestampMs) => Status == ChargeStatus.Captured
        ? new PaymentCaptured { PaymentId = PaymentId, Amount = Amount, Currency = Currency }.Answering(command, timestampMs)
        : new PaymentFailed { Reason = FailureReason ?? "payment already refunded" }.Answering(command, timestampMs);
}
