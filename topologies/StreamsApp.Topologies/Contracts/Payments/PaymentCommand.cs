namespace StreamsApp.Contracts.Payments;

/// <summary>Value of payments.commands.</summary>
public sealed class PaymentCommand : MessageEnvelope<PaymentCommand, IPaymentCommand>
{
}
