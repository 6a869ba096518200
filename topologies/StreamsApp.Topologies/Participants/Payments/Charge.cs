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
/// gives back exactly what was captured, once. It is also the only record of the credit the charge holds: a
/// customer's spent credit is the sum of its captured charges (<see cref="SpentCredit"/>), so no crash between two
/// writes can leave the sum and the decisions disagreeing.
/// </summary>
/// <param name="Status">Captured, failed or refunded.</param>
/// <param name="PaymentId">The capture's id; empty when nothing was captured.</param>
/// <param name="Amount">The amount the command asked for.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="FailureReason">Why the charge failed; null otherwise.</param>
/// <param name="CustomerId">The customer charged; null in charges decided before it was recorded, which hold no credit.</param>
internal sealed record Charge(
    ChargeStatus Status, string PaymentId, decimal Amount, string Currency, string? FailureReason, string? CustomerId = null)
{
    /// <summary>The credit this charge holds against its customer: its amount while captured, else nothing.</summary>
    public decimal Held => Status == ChargeStatus.Captured && CustomerId is not null ? Amount : 0m;

    /// <summary>The reply that states the decision (a refunded charge is no longer capturable).</summary>
    public IPaymentReply Reply(ChargePayment command, long timestampMs) => Status == ChargeStatus.Captured
        ? new PaymentCaptured { PaymentId = PaymentId, Amount = Amount, Currency = Currency }.Answering(command, timestampMs)
        : new PaymentFailed { Reason = FailureReason ?? "payment already refunded" }.Answering(command, timestampMs);
}
