namespace StreamsApp.Contracts.Saga;

/// <summary>A message type carried by <see cref="SagaEvent"/>.</summary>
public interface ISagaEvent : ISagaMessage
{
}
