namespace StreamsApp.Contracts.Shipping;

/// <summary>A message type carried by <see cref="ShippingCommand"/>.</summary>
public interface IShippingCommand : ISagaMessage
{
}
