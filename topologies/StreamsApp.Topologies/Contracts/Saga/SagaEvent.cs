namespace StreamsApp.Contracts.Saga;

/// <summary>Value of saga.events.</summary>
public sealed class SagaEvent : MessageEnvelope<SagaEvent, ISagaEvent>
{
}
