namespace StreamsApp.Contracts;

/// <summary>
/// What every saga command, reply and event carries in its payload. The generated message types implement it (every
/// record with these four fields); the properties are settable so that one method can stamp any message.
/// </summary>
/// <remarks>
/// Correlation, trace, span, parent span and causation ids travel in record headers, not here (schemas/README.md).
/// </remarks>
public interface ISagaMessage
{
    /// <summary>Unique id of this message; messages it causes carry it in their causation-id header.</summary>
    string MessageId { get; set; }

    /// <summary>The saga instance the message belongs to.</summary>
    string SagaId { get; set; }

    /// <summary>The order the saga runs for.</summary>
    string OrderId { get; set; }

    /// <summary>When the message was produced.</summary>
    DateTimeOffset Timestamp { get; set; }
}
