using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>
/// Aggregates a grouped stream per key and session (Kafka Streams' KStreamSessionWindowAggregate): a record at t
/// joins every session of its key that ends at or after t - gap and starts at or before t + gap; their aggregates
/// merge (with <paramref name="merge"/>, starting from <paramref name="initializer"/> when there is one), the old
/// sessions are removed with a tombstone each, and the merged session is put and forwarded, timestamped with its end.
/// A record whose merged session ends before stream time minus grace minus gap is late: dropped, logged and counted
/// (Kafka Streams' close time: a session ending at t may still grow until stream time passes t + gap). With a
/// cached store (the default) updates and tombstones are forwarded when the cache flushes, one per session, and a
/// session merged away before it was ever flushed is not forwarded at all.
/// </summary>
/// <param name="storeName">The session store.</param>
/// <param name="windows">The gap and grace.</param>
/// <param name="initializer">The empty aggregate, or null for Reduce, whose first value is its aggregate.</param>
/// <param name="first">The aggregate of a first value when there is no initializer.</param>
/// <param name="next">Folds a value into an aggregate.</param>
/// <param name="merge">Folds a merged session's aggregate into the running one.</param>
/// <param name="sendOldValues">Whether tombstones carry the removed session's aggregate as old value.</param>
internal sealed class KStreamSessionWindowAggregateProcessor<TKey, TValue, TAggregate>(
    string storeName,
    SessionWindows windows,
    Func<TAggregate>? initializer,
    Func<TKey, TValue, TAggregate> first,
    Func<TKey, TValue, TAggregate, TAggregate> next,
    Func<TKey, TAggregate, TAggregate, TAggregate> merge,
    OldValuesSwitch sendOldValues) : IProcessor<TKey, TValue, Windowed<TKey>, Change<TAggregate>>
{
    private ISessionStore<TKey, TAggregate>? _store;
    private DslProcessorSupport? _support;
    private TupleForwarder<Windowed<TKey>, TAggregate>? _forwarder;
    private long _observedStreamTime = long.MinValue;

    public void Init(IProcessorContext<Windowed<TKey>, Change<TAggregate>> context)
    {
        _store = context.GetStateStore<ISessionStore<TKey, TAggregate>>(storeName);
        _support = new DslProcessorSupport(context);
        _forwarder = TupleForwarder<Windowed<TKey>, TAggregate>.ForSessions(_store, context, sendOldValues.Enabled, static key => key.Window.EndMs);
    }

    public void Process(Record<TKey, TValue> record)
    {
        // As Kafka Streams' KStreamSessionWindowAggregate, only a null key is dropped: a null value is aggregated.
        if (record.Key is null)
        {
            _support!.Skip("null key in a session aggregation");
            return;
        }

        var timestamp = record.Timestamp;
        // Sessions close by the stream time this processor observed, as in Kafka Streams, not by the task's: a record
        // of another input of the task, or one filtered out before it got here, closes nothing (decision 0009).
        _observedStreamTime = Math.Max(_observedStreamTime, timestamp);
        var closeTime = _observedStreamTime - windows.GraceMs - windows.InactivityGapMs;
        var merged = new List<KeyValue<Windowed<TKey>, TAggregate>>();
        var hasAggregate = initializer is not null;
        var aggregate = hasAggregate ? initializer!() : default!;
        var start = timestamp;
        var end = timestamp;
        foreach (var session in _store!.FindSessions(record.Key, timestamp - windows.InactivityGapMs, timestamp + windows.InactivityGapMs))
        {
            merged.Add(session);
            aggregate = hasAggregate ? merge(record.Key, aggregate, session.Value) : session.Value;
            hasAggregate = true;
            start = Math.Min(start, session.Key.Window.StartMs);
            end = Math.Max(end, session.Key.Window.EndMs);
        }

        if (end < closeTime)
        {
            _support!.Skip(
                $"late record for session [{start}, {end}]: at stream time {_observedStreamTime}, with gap {windows.InactivityGapMs} ms and grace {windows.GraceMs} ms, sessions ending before {closeTime} are closed");
            return;
        }

        // As in Kafka Streams, every session the record merges is removed with a tombstone, the one it grows in place
        // too (a cache, on by default, hides that tombstone); only a record repeating a session [t, t] of its own time
        // overwrites it.
        if (start != timestamp || end != timestamp)
        {
            foreach (var session in merged)
            {
                _store.Remove(session.Key);
                Forward(record, session.Key, new Change<TAggregate>(default!, false, session.Value, true));
            }
        }

        var mergedKey = new Windowed<TKey>(record.Key, new SessionWindow(start, end));

        aggregate = hasAggregate ? next(record.Key, record.Value, aggregate) : first(record.Key, record.Value);
        _store.Put(mergedKey, aggregate);
        Forward(record, mergedKey, new Change<TAggregate>(aggregate, aggregate is not null, default!, false));
    }

    private void Forward(Record<TKey, TValue> record, Windowed<TKey> sessionKey, Change<TAggregate> change) =>
        _forwarder!.MaybeForward(new Record<Windowed<TKey>, Change<TAggregate>>(sessionKey, change, sessionKey.Window.EndMs, record.Headers));
}
