using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>
/// Joins the two sides' outputs of a table-table join into one table (Kafka Streams' <c>KTableKTableJoinMerger</c>):
/// passes them on, or, when the result is materialized, stores each row and forwards the change with the stored old
/// value.
/// </summary>
internal sealed class KTableKTableJoinMergeProcessor<TKey, TValue>(string? storeName, OldValuesSwitch sendOldValues)
    : IProcessor<TKey, Change<TValue>, TKey, Change<TValue>>
{
    private IProcessorContext<TKey, Change<TValue>>? _context;
    private ITimestampedKeyValueStore<TKey, TValue>? _store;
    private TupleForwarder<TKey, TValue>? _forwarder;

    public void Init(IProcessorContext<TKey, Change<TValue>> context)
    {
        _context = context;
        if (storeName is not null)
        {
            _store = context.GetStateStore<ITimestampedKeyValueStore<TKey, TValue>>(storeName);
            _forwarder = new TupleForwarder<TKey, TValue>(_store, context, sendOldValues.Enabled);
        }
    }

    public void Process(Record<TKey, Change<TValue>> record)
    {
        if (_store is null)
        {
            _context!.Forward(record);
            return;
        }

        // Every change goes on, as from Kafka Streams' merger (a KTableSource for foreign-key joins): a delete of a key
        // without a row too, which only a cache (whose flush skips it) holds back.
        var change = record.Value;
        var hadOld = _store.TryGet(record.Key, out var old);
        if (change.HasNew)
        {
            _store.Put(record.Key, new ValueAndTimestamp<TValue>(change.NewValue, record.Timestamp));
        }
        else if (hadOld)
        {
            _store.Delete(record.Key, out _);
        }

        _forwarder!.MaybeForward(record.WithValue(new Change<TValue>(change.NewValue, change.HasNew, old.Value, hadOld)));
    }
}
