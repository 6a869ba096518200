using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>
/// Aggregates a grouped stream per key over sliding windows [start, start + difference], both ends inclusive, as
/// Kafka Streams' KStreamSlidingWindowAggregate: a record at t updates every existing window it falls in, creates its
/// left window [t - difference, t] (seeded with the aggregate of the window that ended just before it, when that one
/// holds records within the difference), the right window of the record before it when t falls in that, and its own
/// right window [t + 1, t + 1 + difference] when later (out-of-order) records fall in it. Records before the first
/// difference share the window [0, difference]. Its end being inclusive, a window closes only once stream time minus
/// grace is past its end (a record at stream time t still updates its left window [t - difference, t] without grace);
/// updates of closed windows are dropped and counted. With a cached store (the default) updates are forwarded when the
/// cache flushes, one per window; without one, every update as it happens.
/// </summary>
internal sealed class KStreamSlidingWindowAggregateProcessor<TKey, TValue, TAggregate>(
    string storeName,
    SlidingWindows windows,
    Func<TKey, TValue, TAggregate> first,
    Func<TKey, TValue, TAggregate, TAggregate> next,
    OldValuesSwitch sendOldValues) : IProcessor<TKey, TValue, Windowed<TKey>, Change<TAggregate>>
{
    private readonly long _difference = windows.TimeDifferenceMs;
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
        if (record.Key is null || record.Value is null || record.Timestamp < 0)
        {
            _support!.Skip(record.Key is null ? "null key in a sliding window aggregation"
                : record.Value is null ? "null value in a sliding window aggregation" : "negative timestamp in a sliding window aggregation");
            return;
        }

        // Windows close by the stream time this processor observed, as in Kafka Streams, not by the task's: a record
        // of another input of the task, or one filtered out before it got here, closes nothing (decision 0009).
        _observedStreamTime = Math.Max(_observedStreamTime, record.Timestamp);
        var closeTime = _observedStreamTime - windows.GraceMs;

        // Kafka Streams drops the record at once when [t, t + difference] is closed: its left window and every window
        // holding it are, and its right window holds only later records, already counted where they belong.
        if (record.Timestamp + _difference < closeTime)
        {
            _support!.Skip($"late record at {record.Timestamp} for sliding windows closed at {closeTime} with grace {windows.GraceMs} ms");
            return;
        }

        if (record.Timestamp < _difference)
        {
            ProcessEarly(record, closeTime);
        }
        else
        {
            ProcessReverse(record, closeTime);
        }
    }

    // Kafka Streams' processReverse (its stores all iterate backward): the windows around the record from the latest
    // start down, so updates are forwarded in that order, stopping at the window that ended before the record.
    private void ProcessReverse(Record<TKey, TValue> record, long closeTime)
    {
        var timestamp = record.Timestamp;
        var starts = new HashSet<long>();
        ValueAndTimestamp<TAggregate>? leftAggregate = null;
        ValueAndTimestamp<TAggregate>? rightAggregate = null;
        var leftExists = false;
        var rightExists = false;
        long? previousTimestamp = null;
        foreach (var (start, existing) in Windows(record.Key, Math.Max(0, timestamp - (2 * _difference)), timestamp + 1, backward: true))
        {
            starts.Add(start);
            var end = start + _difference;
            if (start == timestamp + 1)
            {
                rightExists = true;
            }
            else if (end > timestamp)
            {
                // The latest window holding the record holds exactly the records after it within the difference.
                rightAggregate ??= existing;
                Update(record, start, existing, closeTime);
            }
            else if (end == timestamp)
            {
                leftExists = true;
                Update(record, start, existing, closeTime);
                if (existing.Timestamp >= timestamp)
                {
                    // A record at this very time came before: it created every window this one would.
                    return;
                }

                previousTimestamp = existing.Timestamp;
            }
            else
            {
                // The latest window ending before the record: its newest record is the one before this record.
                leftAggregate = existing;
                previousTimestamp = existing.Timestamp;
                break;
            }
        }

        // The previous record's right window now holds this record.
        if (previousTimestamp is { } previous && !starts.Contains(previous + 1) && previous + 1 + _difference >= timestamp)
        {
            Update(record, previous + 1, null, closeTime);
        }

        if (!leftExists)
        {
            var seed = previousTimestamp is { } p && timestamp - _difference <= p ? leftAggregate : null;
            Update(record, timestamp - _difference, seed, closeTime);
        }

        CreateRightWindow(record, rightExists, rightAggregate);
    }

    private void ProcessEarly(Record<TKey, TValue> record, long closeTime)
    {
        var timestamp = record.Timestamp;
        var starts = new HashSet<long>();
        ValueAndTimestamp<TAggregate>? combined = null;
        ValueAndTimestamp<TAggregate>? rightAggregate = null;
        var rightExists = false;
        long? previousTimestamp = null;
        foreach (var (start, existing) in Windows(record.Key, 0, timestamp + 1, backward: false))
        {
            starts.Add(start);
            if (start == 0)
            {
                combined = existing;
                if (existing.Timestamp < timestamp)
                {
                    previousTimestamp = existing.Timestamp;
                }
            }
            else if (start <= timestamp)
            {
                rightAggregate = existing;
                Update(record, start, existing, closeTime);
            }
            else
            {
                rightExists = true;
            }
        }

        // Without a right window yet, the records after this one are all in the shared [0, difference] window.
        if (rightAggregate is null && combined is { } all && all.Timestamp > timestamp)
        {
            rightAggregate = combined;
        }

        CreateRightWindow(record, rightExists, rightAggregate);
        if (previousTimestamp is { } previous && !starts.Contains(previous + 1))
        {
            Update(record, previous + 1, null, closeTime);
        }

        Update(record, 0, combined, closeTime);
    }

    // The record's right window holds the later records only, so it starts from an aggregate without this record.
    private void CreateRightWindow(Record<TKey, TValue> record, bool exists, ValueAndTimestamp<TAggregate>? rightAggregate)
    {
        if (exists || rightAggregate is not { } right || right.Timestamp <= record.Timestamp)
        {
            return;
        }

        var start = record.Timestamp + 1;
        _store!.Put(record.Key, right, start);
        Forward(record, start, new Change<TAggregate>(right.Value, right.Value is not null, default!, false), right.Timestamp);
    }

    private void Update(Record<TKey, TValue> record, long start, ValueAndTimestamp<TAggregate>? existing, long closeTime)
    {
        if (start + _difference < closeTime)
        {
            _support!.Skip($"late record at {record.Timestamp} for sliding window [{start}, {start + _difference}] closed at {closeTime}");
            return;
        }

        var aggregate = existing is { } old ? next(record.Key, record.Value, old.Value) : first(record.Key, record.Value);
        var timestamp = existing is { } previous ? Math.Max(record.Timestamp, previous.Timestamp) : record.Timestamp;
        _store!.Put(record.Key, new ValueAndTimestamp<TAggregate>(aggregate, timestamp), start);
        var oldValue = existing is { } o ? o.Value : default!;
        Forward(record, start, new Change<TAggregate>(aggregate, aggregate is not null, oldValue, existing is not null), timestamp);
    }

    private void Forward(Record<TKey, TValue> record, long start, Change<TAggregate> change, long timestamp) =>
        _forwarder!.MaybeForward(new Record<Windowed<TKey>, Change<TAggregate>>(
            new Windowed<TKey>(record.Key, new TimeWindow(start, start + _difference)), change, timestamp, record.Headers));

    // Materialized first: the record updates these windows, which must not show in the pass that finds them.
    private List<(long Start, ValueAndTimestamp<TAggregate> Value)> Windows(TKey key, long fromStart, long toStart, bool backward) =>
        [.. (backward ? _store!.BackwardFetch(key, fromStart, toStart) : _store!.Fetch(key, fromStart, toStart))
            .Select(entry => (entry.Key, entry.Value))];
}
