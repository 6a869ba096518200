namespace StreamsApp.Contracts.Payments;

/// <summary>Command: charge the customer for the order.</summary>
public sealed class ChargePayment : SagaMessage<ChargePayment>, IPaymentCommand
{
    private static readonly ContractFields<ChargePayment> FieldBindings = SagaMessageFields()
        .Field("customerId", chargePayment => chargePayment.CustomerId, (chargePayment, value) => chargePayment.CustomerId = value)
        .Field("amount", chargePayment => chargePayment.Amount, (chargePayment, value) => chargePayment.Amount = value)
        .Field("currency", chargePayment => chargePayment.Currency, (chargePayment, value) => chargePayment.Currency = value)
        .Complete();

    /// <summary>Customer to charge.</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>Amount to charge.</summary>
    public decimal Amount { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    public string Currency { get; set; } = "";

    /// <inheritdoc/>
    protected override ContractFields<ChargePayment> Fields => FieldBindings;
}
