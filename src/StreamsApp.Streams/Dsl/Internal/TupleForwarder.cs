using Confluent.Kafka;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// Forwards a table processor's updates: directly when its store has no cache, or from the cache's flush (one
/// update per key per commit) when it has one. Old values go along only when downstream asked for them.
/// </summary>
internal sealed class TupleForwarder<TKey, TValue>
{
    private readonly IProcessorContext<TKey, Change<TValue>> _context;
    private readonly bool _sendOldValues;
    private readonly bool _cached;

    public TupleForwarder(ITimestampedKeyValueStore<TKey, TValue> store, IProcessorContext<TKey, Change<TValue>> context, bool sendOldValues)
    {
        _context = context;
        _sendOldValues = sendOldValues;
        _cached = store is MeteredKeyValueStore<TKey, ValueAndTimestamp<TValue>> metered
            && metered.SetFlushListener(ForwardFlushed, sendOldValues);
    }

    public void MaybeForward(Record<TKey, Change<TValue>> record)
    {
        if (!_cached)
        {
            _context.Forward(_sendOldValues ? record : record with { Value = record.Value.WithoutOld() });
        }
    }

    private void ForwardFlushed(TKey key, Change<ValueAndTimestamp<TValue>> change, long timestamp, Headers? headers) =>
        _context.Forward(new Record<TKey, Change<TValue>>(
            key,
            new Change<TValue>(change.NewValue.Value, change.HasNew, change.OldValue.Value, change.HasOld),
            change.HasNew ? change.NewValue.Timestamp : timestamp,
            headers ?? new Headers()));
}
