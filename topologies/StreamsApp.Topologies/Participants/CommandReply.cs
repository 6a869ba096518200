using Confluent.Kafka;
using StreamsApp.Contracts;
using StreamsApp.Streams.Processing;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Participants;

/// <summary>
/// The one place a participant turns a decision into a reply: saga fields copied from the command, a message id
/// derived from it, and trace headers that make the reply a child span of the command.
/// </summary>
internal static class CommandReply
{
    /// <summary>Fills the saga fields of <paramref name="reply"/> from the command it answers.</summary>
    /// <remarks>
    /// The message id is derived from the command's id and the reply type, not random, so a redelivered command
    /// yields a reply with the same id and the orchestrator's duplicate check drops it.
    /// </remarks>
    public static TReply Answering<TReply>(this TReply reply, ISagaMessage command, long timestampMs)
        where TReply : ISagaMessage
    {
        reply.MessageId = MessageIds.Derived(command.MessageId, typeof(TReply).Name);
        reply.SagaId = command.SagaId;
        reply.OrderId = command.OrderId;
        reply.Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(timestampMs);
        return reply;
    }

    /// <summary>
    /// The reply's headers: a child span of the command's; a command without a trace gets a reply that starts one
    /// (no parent span) and still names the command as its cause.
    /// </summary>
    public static Headers HeadersFor(TraceHeaders? commandTrace, ISagaMessage command) =>
        TraceHeaders.CausedBy(commandTrace, command.OrderId, command.MessageId).ToHeaders();

    /// <summary>The reply record, keyed by order id as every saga topic is.</summary>
    public static Record<string, TEnvelope> Record<TEnvelope>(
        ISagaMessage command, TraceHeaders? commandTrace, long timestampMs, TEnvelope envelope) =>
        new(command.OrderId, envelope, timestampMs, HeadersFor(commandTrace, command));
}
