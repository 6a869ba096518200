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

    /// <summary>
    /// Forwards the updates of a timestamped (key-value or window) store: a flushed update carries its new value's
    /// timestamp, or for a delete its writer's, as Kafka Streams' <c>TimestampedCacheFlushListener</c>.
    /// </summary>
    public TupleForwarder(IStateStore store, IProcessorContext<TKey, Change<TValue>> context, bool sendOldValues)
        : this(context, sendOldValues, forward => store is ICacheFlushSource<TKey, ValueAndTimestamp<TValue>> source
            && source.SetFlushListener(
                (key, change, timestamp, headers) => forward(
                    key,
                    new Change<TValue>(change.NewValue.Value, change.HasNew, change.OldValue.Value, change.HasOld),
                    change.HasNew ? change.NewValue.Timestamp : timestamp,
                    headers),
                sendOldValues))
    {
    }

    private TupleForwarder(
        IProcessorContext<TKey, Change<TValue>> context, bool sendOldValues, Func<Action<TKey, Change<TValue>, long, Headers?>, bool> listen)
    {
        _context = context;
        _sendOldValues = sendOldValues;
        _cached = listen(ForwardFlushed);
    }

    /// <summary>
    /// Forwards the updates of a session store: a flushed update is timestamped with its session's end, as the
    /// uncached ones are (Kafka Streams' <c>SessionCacheFlushListener</c>).
    /// </summary>
    public static TupleForwarder<TKey, TValue> ForSessions(
        IStateStore store, IProcessorContext<TKey, Change<TValue>> context, bool sendOldValues, Func<TKey, long> sessionEnd) =>
        new(context, sendOldValues, forward => store is ICacheFlushSource<TKey, TValue> source
            && source.SetFlushListener((key, change, _, headers) => forward(key, change, sessionEnd(key), headers), sendOldValues));

    public void MaybeForward(Record<TKey, Change<TValue>> record)
    {
        if (!_cached)
        {
            _context.Forward(_sendOldValues ? record : record with { Value = record.Value.WithoutOld() });
        }
    }

    private void ForwardFlushed(TKey key, Change<TValue> change, long timestamp, Headers? headers) =>
        _context.Forward(new Record<TKey, Change<TValue>>(key, change, timestamp, headers ?? new Headers()));
}
