using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>
/// Maps or filters a table's rows (Filter, FilterNot, MapValues): <paramref name="map"/> returns whether a row
/// stays and its new value; a row that goes is deleted downstream. Optionally materialized into a store.
/// </summary>
/// <param name="map">Whether a row stays, and its new value.</param>
/// <param name="filter">
/// Whether this is a filter, which (as Kafka Streams' <c>KTableFilter</c>, when it gets old values) forwards nothing
/// for an update that neither had nor has a row; a mapping (<c>KTableMapValues</c>) forwards every update, a delete of
/// a key without a row included.
/// </param>
/// <param name="storeName">The store the result is materialized in; null for none.</param>
/// <param name="sendOldValues">Whether downstream asked for old values.</param>
internal sealed class KTableValueProcessor<TKey, TValue, TValueOut>(
    Func<TKey, TValue, (bool Keep, TValueOut Value)> map, bool filter, string? storeName, OldValuesSwitch sendOldValues)
    : IProcessor<TKey, Change<TValue>, TKey, Change<TValueOut>>
{
    private IProcessorContext<TKey, Change<TValueOut>>? _context;
    private ITimestampedKeyValueStore<TKey, TValueOut>? _store;
    private TupleForwarder<TKey, TValueOut>? _forwarder;
    private bool _sendOld;

    public void Init(IProcessorContext<TKey, Change<TValueOut>> context)
    {
        _context = context;
        _sendOld = sendOldValues.Enabled;
        if (storeName is not null)
        {
            _store = context.GetStateStore<ITimestampedKeyValueStore<TKey, TValueOut>>(storeName);
            _forwarder = new TupleForwarder<TKey, TValueOut>(_store, context, _sendOld);
        }
    }

    public void Process(Record<TKey, Change<TValue>> record)
    {
        var change = record.Value;
        var (hasNew, newValue) = change.HasNew ? map(record.Key, change.NewValue) : (false, default!);
        if (_store is null)
        {
            var (hasOld, oldValue) = _sendOld && change.HasOld ? map(record.Key, change.OldValue) : (false, default!);
            if (filter && _sendOld && !hasNew && !hasOld)
            {
                return;
            }

            _context!.Forward(record.WithValue(new Change<TValueOut>(newValue, hasNew, oldValue, hasOld)));
            return;
        }

        var hadStored = _store.TryGet(record.Key, out var stored);
        if (hasNew)
        {
            _store.Put(record.Key, new ValueAndTimestamp<TValueOut>(newValue, record.Timestamp));
        }
        else if (hadStored)
        {
            _store.Delete(record.Key, out _);
        }
        else if (filter && _sendOld)
        {
            return;
        }

        _forwarder!.MaybeForward(record.WithValue(new Change<TValueOut>(newValue, hasNew, stored.Value, hadStored)));
    }
}
