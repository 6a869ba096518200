using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.StreamJoins;

/// <summary>
/// One side's <c>KSTREAM-WINDOWED-</c> node (Kafka Streams' <c>KStreamJoinWindow</c>): remembers each record in its
/// side's join store, keyed by the record's timestamp, and passes it on to the join. Records with a null key or value
/// are not stored; the join drops and counts them.
/// </summary>
internal sealed class KStreamJoinWindowProcessor<TKey, TValue>(string storeName) : IFixedKeyProcessor<TKey, TValue, TValue>
{
    private IFixedKeyProcessorContext<TKey, TValue>? _context;
    private IWindowStore<TKey, TValue>? _store;

    public void Init(IFixedKeyProcessorContext<TKey, TValue> context)
    {
        _context = context;
        _store = context.GetStateStore<IWindowStore<TKey, TValue>>(storeName);
    }

    public void Process(FixedKeyRecord<TKey, TValue> record)
    {
        // Forward first, as Kafka Streams does, so that a self-join does not match a record with itself.
        _context!.Forward(record);
        if (record.Key is not null && record.Value is not null)
        {
            _store!.Put(record.Key, record.Value, record.Timestamp);
        }
    }
}
