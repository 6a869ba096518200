namespace StreamsApp.Contracts.Payments;

/// <summary>Reply: nothing was charged.</summary>
public sealed class PaymentFailed : SagaMessage<PaymentFailed>, IPaymentReply
{
    private static readonly ContractFields<PaymentFailed> FieldBindings = SagaMessageFields()
        .Field("reason", paymentFailed => paymentFailed.Reason, (paymentFailed, value) => paymentFailed.Reason = value)
        .Complete();

    /// <summary>Why the charge failed.</summary>
    public string Reason { get; set; } = "";

    /// <inheritdoc/>
    protected override ContractFields<PaymentFailed> Fields => FieldBindings;
}
