namespace StreamsApp.Contracts.Payments;

/// <summary>A message type carried by <see cref="PaymentCommand"/>.</summary>
public interface IPaymentCommand : ISagaMessage
{
}
