namespace StreamsApp.Contracts.Saga;

/// <summary>Event: every step succeeded.</summary>
public sealed class SagaCompleted : SagaMessage<SagaCompleted>, ISagaEvent
{
    private static readonly ContractFields<SagaCompleted> FieldBindings = SagaMessageFields()
        .Field("shipmentId", sagaCompleted => sagaCompleted.ShipmentId, (sagaCompleted, value) => sagaCompleted.ShipmentId = value)
        .Complete();

    /// <summary>Shipment delivering the order.</summary>
    public string ShipmentId { get; set; } = "";

    /// <inheritdoc/>
    protected override ContractFields<SagaCompleted> Fields => FieldBindings;
}
