using Confluent.Kafka;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.StreamJoins;

/// <summary>
/// One side of a stream-stream join (Kafka Streams 3.1+'s <c>KStreamKStreamJoin</c>): each record meets the other
/// side's stored records within its window and emits one result per match, stamped max(this, other). With
/// <paramref name="outerStoreName"/> (left and outer joins) a record of an outer side without a match waits in the
/// shared outer store until its window and grace have closed by the join's stream time (the largest timestamp
/// either side saw, <see cref="OuterJoinTimeTracker"/>), then is emitted with <c>default</c> for
/// the other side; a match arriving meanwhile removes it, so no spurious null results are emitted. An unmatched
/// record whose window has already ended when it arrives is emitted at once (a later match within grace still joins
/// it), and an outer side's record without a key at once, as in Kafka Streams. Other records with a null key or
/// value are dropped and counted; a late record is not, but finds only the other side's records still retained. The
/// outer store is scanned for closed records only when the earliest waiting one may have closed
/// (<see cref="OuterJoinTimeTracker"/>).
/// </summary>
/// <param name="otherStoreName">The other side's window store.</param>
/// <param name="outerStoreName">The shared outer store; null for inner joins.</param>
/// <param name="thisIsLeft">Whether this processor is the join's left (this) side.</param>
/// <param name="windows">The windows as this side sees them (the right side gets them reversed).</param>
/// <param name="outer">Whether this side's unmatched records are emitted.</param>
/// <param name="joiner">The joiner with this side's value first.</param>
/// <param name="thisValue">Wraps this side's value for the outer store.</param>
/// <param name="unmatched">The result of a waiting record of either side, with <c>default</c> for the other.</param>
/// <param name="trackers">The join's outer-store time trackers; null for inner joins.</param>
internal sealed class KStreamKStreamJoinProcessor<TKey, TThis, TOther, TLeft, TRight, TResult>(
    string otherStoreName,
    string? outerStoreName,
    bool thisIsLeft,
    JoinWindows windows,
    bool outer,
    Func<TKey, TThis, TOther, TResult> joiner,
    Func<TThis, LeftOrRightValue<TLeft, TRight>> thisValue,
    Func<TKey, LeftOrRightValue<TLeft, TRight>, TResult> unmatched,
    OuterJoinTimeTrackers? trackers) : IProcessor<TKey, TThis, TKey, TResult>
{
    private IProcessorContext<TKey, TResult>? _context;
    private IWindowStore<TKey, TOther>? _otherStore;
    private IKeyValueStore<TimestampedKeyAndJoinSide<TKey>, LeftOrRightValue<TLeft, TRight>>? _outerStore;
    private OuterJoinTimeTracker? _tracker;
    private DslProcessorSupport? _support;

    public void Init(IProcessorContext<TKey, TResult> context)
    {
        _context = context;
        _otherStore = context.GetStateStore<IWindowStore<TKey, TOther>>(otherStoreName);
        _outerStore = outerStoreName is null
            ? null
            : context.GetStateStore<IKeyValueStore<TimestampedKeyAndJoinSide<TKey>, LeftOrRightValue<TLeft, TRight>>>(outerStoreName);
        _tracker = _outerStore is null ? null : trackers!.For(_outerStore);
        _tracker?.Start();
        _support = new DslProcessorSupport(context);
    }

    public void Process(Record<TKey, TThis> record)
    {
        _tracker?.Saw(record.Timestamp);

        // As Kafka Streams (KIP-962): a record without a key can match nothing, so an outer side emits it at once.
        if (record.Key is null && record.Value is not null && outer)
        {
            _context!.Forward(record.WithValue(joiner(record.Key, record.Value, default!)));
            return;
        }

        if (record.Key is null || record.Value is null)
        {
            _support!.Skip(record.Key is null ? "null key in a stream-stream join" : "null value in a stream-stream join");
            return;
        }

        var timestamp = record.Timestamp;

        // Only a record that moves stream time (or meets it) closes waiting records, as in Kafka Streams: one that
        // came in behind a skipped record at a later time closes nothing until a record at that time comes.
        if (_tracker is not null && timestamp == _tracker.StreamTime)
        {
            EmitClosedOuterRecords();
        }

        var matched = false;
        // A late record is not dropped, as in Kafka Streams: it meets only what the other store still retains
        // (window size + grace behind that side's latest record), and a late unmatched one is emitted at once below.
        foreach (var (otherTimestamp, otherValue) in _otherStore!.Fetch(record.Key, Math.Max(0, timestamp - windows.BeforeMs), Math.Max(0, timestamp + windows.AfterMs)))
        {
            matched = true;
            // The other record found its match: it must not be emitted alone when its window closes.
            _outerStore?.Delete(new TimestampedKeyAndJoinSide<TKey>(otherTimestamp, !thisIsLeft, record.Key), out _);
            _context!.Forward(new Record<TKey, TResult>(
                record.Key, joiner(record.Key, record.Value, otherValue), Math.Max(timestamp, otherTimestamp), record.Headers));
        }

        if (matched || !outer)
        {
            return;
        }

        if (_outerStore is null || Math.Max(0, timestamp + windows.AfterMs) < _tracker!.StreamTime)
        {
            // The record's window has ended (an out-of-order record): emitted at once, as Kafka Streams does rather
            // than keep it waiting for the grace period; a match arriving within grace still joins it.
            _context!.Forward(record.WithValue(joiner(record.Key, record.Value, default!)));
        }
        else
        {
            _outerStore.Put(new TimestampedKeyAndJoinSide<TKey>(timestamp, thisIsLeft, record.Key), thisValue(record.Value));
            _tracker!.Waiting(timestamp);
        }
    }

    private void EmitClosedOuterRecords()
    {
        var streamTime = _tracker!.StreamTime;

        // Waiting records are ordered by time; a left record's window reaches the left side's 'after' ahead, a
        // right record's the left side's 'before'.
        var (leftAfter, rightAfter) = thisIsLeft ? (windows.AfterMs, windows.BeforeMs) : (windows.BeforeMs, windows.AfterMs);

        // Records from this time on cannot have closed yet, whichever side they are (the scan would stop at them).
        var stillOpenFrom = streamTime - Math.Min(leftAfter, rightAfter) - windows.GraceMs;
        if (_tracker.EarliestWaiting >= stillOpenFrom)
        {
            return;
        }

        var closed = new List<KeyValue<TimestampedKeyAndJoinSide<TKey>, LeftOrRightValue<TLeft, TRight>>>();
        var earliestKept = long.MaxValue;
        foreach (var waiting in _outerStore!.All())
        {
            var key = waiting.Key;
            if (key.Timestamp + (key.LeftSide ? leftAfter : rightAfter) + windows.GraceMs < streamTime)
            {
                closed.Add(waiting);
                continue;
            }

            earliestKept = Math.Min(earliestKept, key.Timestamp);
            if (key.Timestamp >= stillOpenFrom)
            {
                break;
            }
        }

        _tracker.Scanned(earliestKept);

        foreach (var (key, value) in closed)
        {
            _outerStore.Delete(key, out _);
            _context!.Forward(new Record<TKey, TResult>(key.Key, unmatched(key.Key, value), key.Timestamp, new Headers()));
        }
    }
}
