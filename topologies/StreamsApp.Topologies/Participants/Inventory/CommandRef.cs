using StreamsApp.Contracts;

namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>The saga fields of the command a reservation answers, kept in the store to answer it later.</summary>
internal sealed record CommandRef : ISagaMessage
{
    public string MessageId { get; set; } = "";

    public string SagaId { get; set; } = "";

    public string OrderId { get; set; } = "";

    public DateTimeOffset Timestamp { get; set; }

    public static CommandRef Of(ISagaMessage command) => new()
    {
        MessageId = command.MessageId, SagaId = command.SagaId, OrderId = command.OrderId, Timestamp = command.Timestamp,
    };
}
