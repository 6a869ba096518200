namespace StreamsApp.Contracts;

/// <summary>Base of the saga commands, replies and events: the fields of <see cref="ISagaMessage"/>.</summary>
/// <typeparam name="TSelf">The message type itself.</typeparam>
public abstract class SagaMessage<TSelf> : ContractRecord<TSelf>, ISagaMessage
    where TSelf : SagaMessage<TSelf>
{
    /// <inheritdoc/>
    public string MessageId { get; set; } = "";

    /// <inheritdoc/>
    public string SagaId { get; set; } = "";

    /// <inheritdoc/>
    public string OrderId { get; set; } = "";

    /// <inheritdoc/>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Starts a message type's field bindings with the fields every saga message has.</summary>
    /// <returns>Bindings of messageId, sagaId, orderId and timestamp.</returns>
    protected static ContractFields<TSelf> SagaMessageFields() => new ContractFields<TSelf>()
        .Field("messageId", message => message.MessageId, (message, value) => message.MessageId = value)
        .Field("sagaId", message => message.SagaId, (message, value) => message.SagaId = value)
        .Field("orderId", message => message.OrderId, (message, value) => message.OrderId = value)
        .Field("timestamp", message => message.Timestamp, (message, value) => message.Timestamp = value);
}
