namespace StreamsApp.Contracts.Shipping;

/// <summary>A message type carried by <see cref="ShippingReply"/>.</summary>
public interface IShippingReply : ISagaMessage
{
}
