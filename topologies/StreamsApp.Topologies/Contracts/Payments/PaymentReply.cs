namespace StreamsApp.Contracts.Payments;

/// <summary>Value of payments.replies.</summary>
public sealed class PaymentReply : MessageEnvelope<PaymentReply, IPaymentReply>
{
}
