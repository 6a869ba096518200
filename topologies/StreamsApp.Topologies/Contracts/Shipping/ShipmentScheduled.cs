namespace StreamsApp.Contracts.Shipping;

/// <summary>Reply: the shipment was scheduled.</summary>
public sealed class ShipmentScheduled : SagaMessage<ShipmentScheduled>, IShippingReply
{
    private static readonly ContractFields<ShipmentScheduled> FieldBindings = SagaMessageFields()
        .Field("shipmentId", shipmentScheduled => shipmentScheduled.ShipmentId, (shipmentScheduled, value) => shipmentScheduled.ShipmentId = value)
        .Field("carrier", shipmentScheduled => shipmentScheduled.Carrier, (shipmentScheduled, value) => shipmentScheduled.Carrier = value)
        .Complete();

    /// <summary>Id of the scheduled shipment.</summary>
    public string ShipmentId { get; set; } = "";

    /// <summary>Carrier that will deliver.</summary>
    public string Carrier { get; set; } = "";

    /// <inheritdoc/>
    protected override ContractFields<ShipmentScheduled> Fields => FieldBindings;
}
