using Confluent.Kafka;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Topologies.Messaging;

/// <summary>
/// Writes the trace headers of an outgoing record as a child span of the incoming record's (seed 000's table):
/// same trace and correlation, a new span whose parent is the incoming one, and the causing event or message id.
/// A record that carries no trace starts one. Add it with <c>ProcessValues</c> just before a sink.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="correlationId">The correlation (order, saga) id of a value, used when the record starts a trace.</param>
/// <param name="causationId">The id of the event or message the value was made from.</param>
public sealed class TraceSpanProcessor<TKey, TValue>(Func<TValue, string> correlationId, Func<TValue, string> causationId)
    : IFixedKeyProcessor<TKey, TValue, TValue>
{
    private IFixedKeyProcessorContext<TKey, TValue>? _context;

    /// <inheritdoc />
    public void Init(IFixedKeyProcessorContext<TKey, TValue> context) => _context = context;

    /// <inheritdoc />
    public void Process(FixedKeyRecord<TKey, TValue> record)
    {
        var span = TraceHeaders.CausedBy(TraceHeaders.Read(record.Headers), correlationId(record.Value), causationId(record.Value));
        // Records derived from one input share its headers instance, so the new span goes on a copy.
        _context!.Forward(record.WithHeaders(span.WriteTo(Copy(record.Headers))));
    }

    private static Headers Copy(Headers headers)
    {
        var copy = new Headers();
        foreach (var header in headers)
        {
            copy.Add(header.Key, header.GetValueBytes());
        }

        return copy;
    }
}
