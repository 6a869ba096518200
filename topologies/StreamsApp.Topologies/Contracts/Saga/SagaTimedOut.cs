namespace StreamsApp.Contracts.Saga;

/// <summary>Event: the saga passed its deadline and compensates.</summary>
public sealed class SagaTimedOut : SagaMessage<SagaTimedOut>, ISagaEvent
{
    private static readonly ContractFields<SagaTimedOut> FieldBindings = SagaMessageFields()
        .Field("status", sagaTimedOut => sagaTimedOut.Status, (sagaTimedOut, value) => sagaTimedOut.Status = value)
        .Field("deadline", sagaTimedOut => sagaTimedOut.Deadline, (sagaTimedOut, value) => sagaTimedOut.Deadline = value)
        .Field("sagaVersion", message => message.SagaVersion, (message, value) => message.SagaVersion = value)
        .Complete();

    /// <summary>State the saga was in at its deadline.</summary>
    public SagaStatus Status { get; set; }

    /// <summary>The deadline that passed.</summary>
    public DateTimeOffset Deadline { get; set; }

    /// <summary>The saga's version after the change this event reports (<see cref="SagaState.Version"/>).</summary>
    public long SagaVersion { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<SagaTimedOut> Fields => FieldBindings;
}
