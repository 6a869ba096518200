using StreamsApp.Contracts;

namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>The saga fields of the command a reservation answers, kept in the store to answer it later.</summary>
internal sealed record CommandRef(string MessageId, string SagaId, string OrderId, DateTimeOffset Timestamp) : ISagaMessage
{
    public static CommandRef Of(ISagaMessage command) => new(command.MessageId, command.SagaId, command.OrderId, command.Timestamp);
}
