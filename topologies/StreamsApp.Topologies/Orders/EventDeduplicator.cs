using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Orders;

/// <summary>
/// Forwards a record only when no record with the same event id was seen within the time to live, by record
/// (event) time, as in Kafka Streams' deduplication example: a window store whose retention is the TTL remembers each
/// id at its record's timestamp (<see cref="TtlMarks"/>), with the offset of the record that carried it. The store is
/// per task: duplicates must arrive on the same partition, which they do when the producer keys a redelivered event
/// as it keyed the original (orders by order id). The record that made a mark, redelivered after a crash, is
/// forwarded again (<see cref="TtlMarks.IsRedeliveryOf"/>). A record more than one TTL older than the newest one
/// remembered is always forwarded: the store has already dropped its time range, so its id cannot be kept.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="storeName">The store made by <see cref="EventDeduplicator.StoreBuilder"/>.</param>
/// <param name="eventId">The event id of a value.</param>
/// <param name="ttl">How long an id is remembered after its record's timestamp.</param>
internal sealed class EventDeduplicator<TKey, TValue>(string storeName, Func<TValue, string> eventId, TimeSpan ttl)
    : IFixedKeyProcessor<TKey, TValue, TValue>
{
    private readonly long _ttlMs = (long)ttl.TotalMilliseconds;
    private IFixedKeyProcessorContext<TKey, TValue>? _context;
    private IWindowStore<string, long>? _seen;

    public void Init(IFixedKeyProcessorContext<TKey, TValue> context)
    {
        _context = context;
        _seen = context.GetStateStore<IWindowStore<string, long>>(storeName);
    }

    public void Process(FixedKeyRecord<TKey, TValue> record)
    {
        var id = eventId(record.Value);
        var offset = _context!.RecordMetadata?.Offset;
        if (TtlMarks.TryFind(_seen!, id, record.Timestamp, _ttlMs, out var markedOffset))
        {
            if (TtlMarks.IsRedeliveryOf(markedOffset, offset))
            {
                _context.Forward(record);
            }

            return;
        }

        _seen!.Put(id, offset ?? -1, record.Timestamp);
        _context.Forward(record);
    }
}

/// <summary>The store of <see cref="EventDeduplicator{TKey, TValue}"/>.</summary>
internal static class EventDeduplicator
{
    /// <summary>A RocksDB window store of event ids with the offset of their record, change-logged so a restarted task still knows them.</summary>
    /// <param name="name">The store name.</param>
    /// <param name="ttl">How long an id is remembered: the store's retention and window size.</param>
    public static IStoreBuilder<IWindowStore<string, long>> StoreBuilder(string name, TimeSpan ttl) =>
        Stores.WindowStoreBuilder(
            Stores.PersistentWindowStore(name, ttl, ttl, retainDuplicates: false), Serdes.String(), Serdes.Int64());
}
