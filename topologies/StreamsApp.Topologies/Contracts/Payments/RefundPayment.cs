namespace StreamsApp.Contracts.Payments;

/// <summary>Compensation: refund a captured payment; idempotent.</summary>
public sealed class RefundPayment : SagaMessage<RefundPayment>, IPaymentCommand
{
    private static readonly ContractFields<RefundPayment> FieldBindings = SagaMessageFields()
        .Field("customerId", refundPayment => refundPayment.CustomerId, (refundPayment, value) => refundPayment.CustomerId = value)
        .Field("paymentId", refundPayment => refundPayment.PaymentId, (refundPayment, value) => refundPayment.PaymentId = value)
        .Field("amount", refundPayment => refundPayment.Amount, (refundPayment, value) => refundPayment.Amount = value)
        .Field("currency", refundPayment => refundPayment.Currency, (refundPayment, value) => refundPayment.Currency = value)
        .Field("reason", refundPayment => refundPayment.Reason, (refundPayment, value) => refundPayment.Reason = value)
        .Complete();

    /// <summary>Customer to refund.</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>Payment to refund.</summary>
    public string PaymentId { get; set; } = "";

    /// <summary>Amount to refund.</summary>
    public decimal Amount { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Why the saga compensates.</summary>
    public string Reason { get; set; } = "";

    /// <inheritdoc/>
    protected override ContractFields<RefundPayment> Fields => FieldBindings;
}
