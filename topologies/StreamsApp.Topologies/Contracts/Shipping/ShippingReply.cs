namespace StreamsApp.Contracts.Shipping;

/// <summary>Value of shipping.replies.</summary>
public sealed class ShippingReply : MessageEnvelope<ShippingReply, IShippingReply>
{
}
