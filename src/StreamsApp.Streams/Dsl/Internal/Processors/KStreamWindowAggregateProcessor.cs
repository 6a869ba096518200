using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>
/// Aggregates a grouped stream per key and time window (Kafka Streams' KStreamWindowAggregate): a record updates
/// every window it falls into that is still open, i.e. whose end is after stream time minus grace. A record for a
/// closed window is late: dropped, logged and counted in the task's <c>dropped-records-total</c> sensor, the sensor
/// Kafka Streams 3.x counts late records in. Records with a null value are aggregated; a null aggregate (a reduce's
/// null first value) deletes the window. An aggregate's timestamp is the largest of its inputs'. With a cached
/// store (the default) updates are forwarded when the cache flushes (commit or eviction), one per window; without
/// one, every update as it happens.
/// </summary>
internal sealed class KStreamWindowAggregateProcessor<TKey, TValue, TAggregate>(
    string storeName,
    TimeWindows windows,
    Func<TKey, TValue, TAggregate> first,
    Func<TKey, TValue, TAggregate, TAggregate> next,
    OldValuesSwitch sendOldValues) : IProcessor<TKey, TValue, Windowed<TKey>, Change<TAggregate>>
{
    private ITimestampedWindowStore<TKey, TAggregate>? _store;
    private DslProcessorSupport? _support;
    private TupleForwarder<Windowed<TKey>, TAggregate>? _forwarder;
    private long _observedStreamTime = long.MinValue;

    public void Init(IProcessorContext<Windowed<TKey>, Change<TAggregate>> context)
    {
        _store = context.GetStateStore<ITimestampedWindowStore<TKey, TAggregate>>(storeName);
        _support = new DslProcessorSupport(context);
        _forwarder = new TupleForwarder<Windowed<TKey>, TAggregate>(_store, context, sendOldValues.Enabled);
    }

    public void Process(Record<TKey, TValue> record)
    {
        // Unlike the non-windowed aggregations, Kafka Streams' KStreamWindowAggregate drops only null keys: a null value
        // is aggregated (counted, or passed to the aggregator or reducer).
        if (record.Key is null)
        {
            _support!.Skip("null key in a windowed aggregation");
            return;
        }

        if (record.Timestamp < 0)
        {
            _support!.Skip("negative timestamp in a windowed aggregation");
            return;
        }

        // Windows close by the stream time this processor observed, as in Kafka Streams, not by the task's: a record
        // of another input of the task, or one filtered out before it got here, closes nothing (decision 0009).
        _observedStreamTime = Math.Max(_observedStreamTime, record.Timestamp);
        var closeTime = _observedStreamTime - windows.GraceMs;
        foreach (var window in windows.WindowsFor(record.Timestamp))
        {
            if (window.EndMs <= closeTime)
            {
                _support!.Skip($"late record for window [{window.StartMs}, {window.EndMs}) closed at stream time {closeTime + windows.GraceMs} with grace {windows.GraceMs} ms");
                continue;
            }

            Update(record, window);
        }
    }

    private void Update(Record<TKey, TValue> record, TimeWindow window)
    {
        var hadOld = _store!.TryFetch(record.Key, window.StartMs, out var old);
        var aggregate = hadOld ? next(record.Key, record.Value, old.Value) : first(record.Key, record.Value);
        var timestamp = hadOld ? Math.Max(record.Timestamp, old.Timestamp) : record.Timestamp;
        _store.Put(record.Key, new ValueAndTimestamp<TAggregate>(aggregate, timestamp), window.StartMs);
        var change = new Change<TAggregate>(aggregate, aggregate is not null, old.Value, hadOld);
        _forwarder!.MaybeForward(new Record<Windowed<TKey>, Change<TAggregate>>(
            new Windowed<TKey>(record.Key, window), change, timestamp, record.Headers));
    }
}
