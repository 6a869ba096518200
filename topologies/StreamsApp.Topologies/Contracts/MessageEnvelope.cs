namespace StreamsApp.Contracts;

/// <summary>
/// Base of the per-topic envelopes (e.g. inventory.commands carries ReserveStock and ReleaseStock): a record whose
/// one field, <c>message</c>, is a union of the topic's message types. The subject naming is per topic
/// (<c>{topic}-value</c>), so one topic needs one schema; adding a message type adds a union branch.
/// </summary>
/// <typeparam name="TSelf">The envelope type itself.</typeparam>
/// <typeparam name="TMessage">The interface the topic's message types implement.</typeparam>
public abstract class MessageEnvelope<TSelf, TMessage> : ContractRecord<TSelf>
    where TSelf : MessageEnvelope<TSelf, TMessage>
    where TMessage : class, ISagaMessage
{
    private static readonly ContractFields<TSelf> FieldBindings = new ContractFields<TSelf>()
        .Field("message", envelope => envelope.Message, (envelope, value) => envelope.Message = value)
        .Complete();

    /// <summary>The message; null only on an envelope not yet filled (Apache.Avro's reader creates it empty).</summary>
    public TMessage? Message { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<TSelf> Fields => FieldBindings;
}
