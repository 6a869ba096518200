namespace StreamsApp.Contracts.Saga;

/// <summary>Event: every step succeeded.</summary>
public sealed class SagaCompleted : SagaMessage<SagaCompleted>, ISagaEvent
{
    private static readonly ContractFields<SagaCompleted> FieldBindings = SagaMessageFields()
        .Field("shipmentId", sagaCompleted => sagaCompleted.ShipmentId, (sagaCompleted, value) => sagaCompleted.ShipmentId = value)
        .Field("sagaVersion", message => message.SagaVersion, (message, value) => message.SagaVersion = value)
        .Complete();

    /// <summary>Shipment delivering the order.</summary>
    public string ShipmentId { get; set; } = "";

    /// <summary>The saga's version after the change this event reports (<see cref="SagaState.Version"/>).</summary>
    public long SagaVersion { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<SagaCompleted> Fields => FieldBindings;
}
