using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>
/// Aggregates a grouped stream per key (Count, Reduce, Aggregate): <paramref name="first"/> makes a key's first
/// aggregate, <paramref name="next"/> folds later values in. Records with a null key or value are skipped and
/// counted, as in Kafka Streams. The aggregate's timestamp is the largest of its inputs'.
/// </summary>
internal sealed class KStreamAggregateProcessor<TKey, TValue, TAggregate>(
    string storeName,
    Func<TKey, TValue, TAggregate> first,
    Func<TKey, TValue, TAggregate, TAggregate> next,
    OldValuesSwitch sendOldValues) : IProcessor<TKey, TValue, TKey, Change<TAggregate>>
{
    private ITimestampedKeyValueStore<TKey, TAggregate>? _store;
    private TupleForwarder<TKey, TAggregate>? _forwarder;
    private DslProcessorSupport? _support;

    public void Init(IProcessorContext<TKey, Change<TAggregate>> context)
    {
        _store = context.GetStateStore<ITimestampedKeyValueStore<TKey, TAggregate>>(storeName);
        _forwarder = new TupleForwarder<TKey, TAggregate>(_store, context, sendOldValues.Enabled);
        _support = new DslProcessorSupport(context);
    }

    public void Process(Record<TKey, TValue> record)
    {
        if (record.Key is null || record.Value is null)
        {
            _support!.Skip(record.Key is null ? "null key in an aggregation" : "null value in an aggregation");
            return;
        }

        TAggregate aggregate;
        long timestamp;
        var hadOld = _store!.TryGet(record.Key, out var old);
        if (hadOld)
        {
            aggregate = next(record.Key, record.Value, old.Value);
            timestamp = Math.Max(record.Timestamp, old.Timestamp);
        }
        else
        {
            aggregate = first(record.Key, record.Value);
            timestamp = record.Timestamp;
        }

        _store.Put(record.Key, new ValueAndTimestamp<TAggregate>(aggregate, timestamp));
        _forwarder!.MaybeForward(new Record<TKey, Change<TAggregate>>(
            record.Key, new Change<TAggregate>(aggregate, aggregate is not null, old.Value, hadOld), timestamp, record.Headers));
    }
}
