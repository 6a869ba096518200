using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>
/// Turns a changelog stream into table updates (Table, ToTable): stores the latest value per key, a null value
/// deleting it, and forwards the change (a delete too when the key had no row). Records with a null key are skipped
/// and counted.
/// </summary>
internal sealed class KTableSourceProcessor<TKey, TValue>(string storeName, OldValuesSwitch sendOldValues)
    : IProcessor<TKey, TValue, TKey, Change<TValue>>
{
    private ITimestampedKeyValueStore<TKey, TValue>? _store;
    private TupleForwarder<TKey, TValue>? _forwarder;
    private DslProcessorSupport? _support;

    public void Init(IProcessorContext<TKey, Change<TValue>> context)
    {
        _store = context.GetStateStore<ITimestampedKeyValueStore<TKey, TValue>>(storeName);
        _forwarder = new TupleForwarder<TKey, TValue>(_store, context, sendOldValues.Enabled);
        _support = new DslProcessorSupport(context);
    }

    public void Process(Record<TKey, TValue> record)
    {
        if (record.Key is null)
        {
            _support!.Skip("null key in a table");
            return;
        }

        var hadOld = _store!.TryGet(record.Key, out var old);
        if (record.Value is null)
        {
            // A delete of a key the table does not have still goes downstream, as Kafka Streams' KTableSource
            // forwards it; only a cache (whose flush skips it) holds it back.
            if (hadOld)
            {
                _store.Delete(record.Key, out _);
            }
        }
        else
        {
            if (hadOld && record.Timestamp < old.Timestamp)
            {
                _support!.Log.OutOfOrderTableUpdate(storeName, record.Timestamp, old.Timestamp);
            }

            _store.Put(record.Key, new ValueAndTimestamp<TValue>(record.Value, record.Timestamp));
        }

        _forwarder!.MaybeForward(record.WithValue(
            new Change<TValue>(record.Value, record.Value is not null, old.Value, hadOld)));
    }
}
