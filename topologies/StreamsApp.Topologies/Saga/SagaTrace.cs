using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Saga;

/// <summary>The trace headers of a message the orchestrator wrote, with its message id: what a message it causes continues.</summary>
/// <param name="Headers">The message's trace headers.</param>
/// <param name="MessageId">The message's id (or an order's event id), the causation id of what it causes.</param>
internal sealed record SagaTrace(TraceHeaders Headers, string MessageId)
{
    /// <summary>The headers of a message this one causes: a child span, caused by this message.</summary>
    public TraceHeaders Child() => Headers.Child(MessageId);
}
