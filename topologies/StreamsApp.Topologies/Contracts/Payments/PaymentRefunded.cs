namespace StreamsApp.Contracts.Payments;

/// <summary>
/// Reply to RefundPayment: the order's captured payment is refunded (also when it was refunded before, or nothing was
/// captured: then the amount is 0); the same for every redelivery.
/// </summary>
public sealed class PaymentRefunded : SagaMessage<PaymentRefunded>, IPaymentReply
{
    private static readonly ContractFields<PaymentRefunded> FieldBindings = SagaMessageFields()
        .Field("paymentId", paymentRefunded => paymentRefunded.PaymentId, (paymentRefunded, value) => paymentRefunded.PaymentId = value)
        .Field("amount", paymentRefunded => paymentRefunded.Amount, (paymentRefunded, value) => paymentRefunded.Amount = value)
        .Field("currency", paymentRefunded => paymentRefunded.Currency, (paymentRefunded, value) => paymentRefunded.Currency = value)
        .Complete();

    /// <summary>Payment refunded; empty when nothing was captured.</summary>
    public string PaymentId { get; set; } = "";

    /// <summary>Amount given back.</summary>
    public decimal Amount { get; set; }

    /// <summary>ISO 4217 code of the amount.</summary>
    public string Currency { get; set; } = "";

    /// <inheritdoc/>
    protected override ContractFields<PaymentRefunded> Fields => FieldBindings;
}
