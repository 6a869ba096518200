namespace StreamsApp.Contracts.Payments;

/// <summary>Reply: the amount was charged.</summary>
public sealed class PaymentCaptured : SagaMessage<PaymentCaptured>, IPaymentReply
{
    private static readonly ContractFields<PaymentCaptured> FieldBindings = SagaMessageFields()
        .Field("paymentId", paymentCaptured => paymentCaptured.PaymentId, (paymentCaptured, value) => paymentCaptured.PaymentId = value)
        .Field("amount", paymentCaptured => paymentCaptured.Amount, (paymentCaptured, value) => paymentCaptured.Amount = value)
        .Field("currency", paymentCaptured => paymentCaptured.Currency, (paymentCaptured, value) => paymentCaptured.Currency = value)
        .Complete();

    /// <summary>Id of the captured payment, needed for a refund.</summary>
    public string PaymentId { get; set; } = "";

    /// <summary>Amount charged.</summary>
    public decimal Amount { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    public string Currency { get; set; } = "";

    /// <inheritdoc/>
    protected override ContractFields<PaymentCaptured> Fields => FieldBindings;
}
