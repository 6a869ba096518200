namespace StreamsApp.Contracts.Payments;

/// <summary>A message type carried by <see cref="PaymentReply"/>.</summary>
public interface IPaymentReply : ISagaMessage
{
}
