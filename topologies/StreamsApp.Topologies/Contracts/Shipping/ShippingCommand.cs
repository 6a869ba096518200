namespace StreamsApp.Contracts.Shipping;

/// <summary>Value of shipping.commands.</summary>
public sealed class ShippingCommand : MessageEnvelope<ShippingCommand, IShippingCommand>
{
}
