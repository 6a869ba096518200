using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace StreamsApp.Topologies.Messaging;

/// <summary>
/// The correlation and tracing headers every command, reply and event carries (seed 000's table, schemas/README.md):
/// read from the record that caused a message, and written on the message as a child span of it. They are written
/// with a W3C <c>traceparent</c> naming the same trace and span, so OpenTelemetry sees the seed's trace. While a span
/// is current in the same trace (the engine's span of the record being processed, when tracing is on), the message's
/// span is that span, so the seed's ids and OpenTelemetry's agree.
/// </summary>
/// <param name="TraceId">The trace of the whole order flow.</param>
/// <param name="SpanId">This operation.</param>
/// <param name="ParentSpanId">The operation that caused it; null at the start of a trace.</param>
/// <param name="CorrelationId">The business correlation: the order (saga) id.</param>
/// <param name="CausationId">The event or message id of the message that caused this one; null at the start.</param>
public sealed record TraceHeaders(string TraceId, string SpanId, string? ParentSpanId, string CorrelationId, string? CausationId)
{
    /// <summary>Header name of <see cref="TraceId"/>.</summary>
    public const string TraceIdHeader = "trace-id";

    /// <summary>Header name of <see cref="SpanId"/>.</summary>
    public const string SpanIdHeader = "span-id";

    /// <summary>Header name of <see cref="ParentSpanId"/>.</summary>
    public const string ParentSpanIdHeader = "parent-span-id";

    /// <summary>Header name of <see cref="CorrelationId"/>.</summary>
    public const string CorrelationIdHeader = "correlation-id";

    /// <summary>Header name of <see cref="CausationId"/>.</summary>
    public const string CausationIdHeader = "causation-id";

    /// <summary>The W3C trace-context header, written with the same trace and span.</summary>
    public const string TraceParentHeader = "traceparent";

    /// <summary>Starts a trace for a message that nothing traced caused (e.g. an order without headers).</summary>
    /// <param name="correlationId">The order (saga) id.</param>
    public static TraceHeaders Start(string correlationId) =>
        Activity.Current is { } current
            ? new(current.TraceId.ToHexString(), current.SpanId.ToHexString(), ParentOf(current), correlationId, null)
            : new(NewId(32), NewId(16), null, correlationId, null);

    /// <summary>The headers of a record, or null when it carries no trace (then <see cref="Start"/> one).</summary>
    /// <param name="headers">The record's headers.</param>
    public static TraceHeaders? Read(Headers? headers)
    {
        if (Get(headers, TraceIdHeader) is not { } traceId || Get(headers, SpanIdHeader) is not { } spanId
            || Get(headers, CorrelationIdHeader) is not { } correlationId)
        {
            return null;
        }

        return new TraceHeaders(traceId, spanId, Get(headers, ParentSpanIdHeader), correlationId, Get(headers, CausationIdHeader));
    }

    /// <summary>
    /// The trace of a message caused by a record: a child span of the record's trace, or, when the record carries
    /// none, a new trace correlated by <paramref name="correlationId"/>; either way caused by <paramref name="causationId"/>.
    /// </summary>
    /// <param name="incoming">The causing record's trace, or null when it carried none.</param>
    /// <param name="correlationId">The order (saga) id, used when a trace starts here.</param>
    /// <param name="causationId">The event or message id of the causing record.</param>
    public static TraceHeaders CausedBy(TraceHeaders? incoming, string correlationId, string causationId) =>
        incoming?.Child(causationId) ?? Start(correlationId) with { CausationId = causationId };

    /// <summary>The trace of a message caused by the one these headers belong to: same trace, a new span whose parent is this one.</summary>
    /// <param name="causationId">The event or message id of the causing message.</param>
    public TraceHeaders Child(string causationId) =>
        CurrentInTrace() is { } current
            ? new(TraceId, current.SpanId.ToHexString(), ParentOf(current) ?? SpanId, CorrelationId, causationId)
            : new(TraceId, NewId(16), SpanId, CorrelationId, causationId);

    /// <summary>Writes the headers (replacing any of the same names).</summary>
    /// <param name="headers">The outgoing record's headers.</param>
    public Headers WriteTo(Headers headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Set(headers, TraceIdHeader, TraceId);
        Set(headers, SpanIdHeader, SpanId);
        Set(headers, ParentSpanIdHeader, ParentSpanId);
        Set(headers, CorrelationIdHeader, CorrelationId);
        Set(headers, CausationIdHeader, CausationId);
        Set(headers, TraceParentHeader, TraceParent());
        return headers;
    }

    /// <summary>A fresh header collection holding these headers.</summary>
    public Headers ToHeaders() => WriteTo([]);

    private static string? Get(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    private static void Set(Headers headers, string name, string? value)
    {
        headers.Remove(name);
        if (value is not null)
        {
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }
    }

    // 00-<trace>-<span>-<flags>, when the ids have W3C's sizes (a foreign producer's may not); sampled unless a
    // current span of this trace says otherwise.
    private string? TraceParent()
    {
        if (TraceId.Length != 32 || SpanId.Length != 16 || !TraceId.All(char.IsAsciiHexDigitLower) || !SpanId.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var flags = CurrentInTrace() is { SpanId: var span } current && span.ToHexString() == SpanId ? (int)current.ActivityTraceFlags : 1;
        return $"00-{TraceId}-{SpanId}-{flags:x2}";
    }

    private Activity? CurrentInTrace() => Activity.Current is { } current && current.TraceId.ToHexString() == TraceId ? current : null;

    private static string? ParentOf(Activity activity) => activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString();

    // W3C trace-context sizes: 16-byte trace ids and 8-byte span ids, as lowercase hex.
    private static string NewId(int hexDigits) => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..hexDigits];
}
