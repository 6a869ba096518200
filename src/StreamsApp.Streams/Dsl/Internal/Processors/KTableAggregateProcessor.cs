using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>
/// Aggregates a re-grouped table per key (Count, Reduce, Aggregate with subtractor): an update first subtracts the
/// row's old value, then adds its new one. <paramref name="first"/> makes a key's aggregate from its first value.
/// </summary>
internal sealed class KTableAggregateProcessor<TKey, TValue, TAggregate>(
    string storeName,
    Func<TKey, TValue, TAggregate> first,
    Func<TKey, TValue, TAggregate, TAggregate> adder,
    Func<TKey, TValue, TAggregate, TAggregate> subtractor,
    OldValuesSwitch sendOldValues) : IProcessor<TKey, Change<TValue>, TKey, Change<TAggregate>>
{
    private ITimestampedKeyValueStore<TKey, TAggregate>? _store;
    private TupleForwarder<TKey, TAggregate>? _forwarder;

    public void Init(IProcessorContext<TKey, Change<TAggregate>> context)
    {
        _store = context.GetStateStore<ITimestampedKeyValueStore<TKey, TAggregate>>(storeName);
        _forwarder = new TupleForwarder<TKey, TAggregate>(_store, context, sendOldValues.Enabled);
    }

    public void Process(Record<TKey, Change<TValue>> record)
    {
        if (record.Key is null)
        {
            throw new StreamsException($"The key of a table aggregation into store '{storeName}' must not be null");
        }

        var change = record.Value;
        var hadOld = _store!.TryGet(record.Key, out var old);
        var hasAggregate = hadOld;
        var aggregate = old.Value;
        var timestamp = hadOld ? Math.Max(record.Timestamp, old.Timestamp) : record.Timestamp;
        if (change.HasOld && hasAggregate)
        {
            aggregate = subtractor(record.Key, change.OldValue, aggregate);
            hasAggregate = aggregate is not null;
        }

        if (change.HasNew)
        {
            aggregate = hasAggregate ? adder(record.Key, change.NewValue, aggregate) : first(record.Key, change.NewValue);
            hasAggregate = aggregate is not null;
        }

        if (hasAggregate)
        {
            _store.Put(record.Key, new ValueAndTimestamp<TAggregate>(aggregate, timestamp));
        }
        else if (hadOld)
        {
            _store.Delete(record.Key, out _);
        }
        else
        {
            return;
        }

        _forwarder!.MaybeForward(new Record<TKey, Change<TAggregate>>(
            record.Key, new Change<TAggregate>(aggregate, hasAggregate, old.Value, hadOld), timestamp, record.Headers));
    }
}
