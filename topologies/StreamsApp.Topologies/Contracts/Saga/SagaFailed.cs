namespace StreamsApp.Contracts.Saga;

/// <summary>Event: the saga ended without completing; compensations were issued.</summary>
public sealed class SagaFailed : SagaMessage<SagaFailed>, ISagaEvent
{
    private static readonly ContractFields<SagaFailed> FieldBindings = SagaMessageFields()
        .Field("reason", sagaFailed => sagaFailed.Reason, (sagaFailed, value) => sagaFailed.Reason = value)
        .Field("compensations", sagaFailed => sagaFailed.Compensations, (sagaFailed, value) => sagaFailed.Compensations = value)
        .Field("sagaVersion", message => message.SagaVersion, (message, value) => message.SagaVersion = value)
        .Complete();

    /// <summary>Why the saga failed.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Compensations issued.</summary>
    public IReadOnlyList<SagaCompensation> Compensations { get; set; } = [];

    /// <summary>The saga's version after the change this event reports (<see cref="SagaState.Version"/>).</summary>
    public long SagaVersion { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<SagaFailed> Fields => FieldBindings;
}
