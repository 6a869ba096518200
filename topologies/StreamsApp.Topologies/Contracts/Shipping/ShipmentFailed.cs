namespace StreamsApp.Contracts.Shipping;

/// <summary>Reply: the shipment cannot be scheduled.</summary>
public sealed class ShipmentFailed : SagaMessage<ShipmentFailed>, IShippingReply
{
    private static readonly ContractFields<ShipmentFailed> FieldBindings = SagaMessageFields()
        .Field("reason", shipmentFailed => shipmentFailed.Reason, (shipmentFailed, value) => shipmentFailed.Reason = value)
        .Complete();

    /// <summary>Why scheduling failed.</summary>
    public string Reason { get; set; } = "";

    /// <inheritdoc/>
    protected override ContractFields<ShipmentFailed> Fields => FieldBindings;
}
