using StreamsApp.Contracts.Orders;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Orders;

/// <summary>
/// Keeps an order id to one order (issue 15): the first order accepted under an id is remembered by its
/// <see cref="OrderFingerprint"/> for the time to live; a later order with the same id and the same content (a client
/// retrying its POST, which makes a new event) is dropped, and one with different content is rejected to the DLT.
/// So <c>orders.accepted</c> never carries two bodies for one id, and the saga and the order view see the same one.
/// Like <see cref="EventDeduplicator{TKey, TValue}"/>, a window store whose retention is the TTL remembers each id at
/// its order's time (<see cref="TtlMarks"/>), with the offset of the order's record (<see cref="OrderIdMark"/>), and
/// forwards that record again when it is redelivered after a crash. Orders are keyed by order id, so all the orders
/// of one id meet in one task.
/// </summary>
/// <param name="storeName">The store made by <see cref="StoreBuilder"/>.</param>
/// <param name="ttl">How long an id is remembered after its order's time.</param>
internal sealed class OrderIdGuard(string storeName, TimeSpan ttl) : IFixedKeyProcessor<string, OrderCreated, OrderCreated>
{
    private readonly long _ttlMs = (long)ttl.TotalMilliseconds;
    private IFixedKeyProcessorContext<string, OrderCreated>? _context;
    private IWindowStore<string, string>? _accepted;

    /// <summary>A RocksDB window store of accepted orders' fingerprints by order id, change-logged.</summary>
    /// <param name="name">The store name.</param>
    /// <param name="ttl">How long an order id is remembered: the store's retention and window size.</param>
    public static IStoreBuilder<IWindowStore<string, string>> StoreBuilder(string name, TimeSpan ttl) =>
        Stores.WindowStoreBuilder(Stores.PersistentWindowStore(name, ttl, ttl, retainDuplicates: false), Serdes.String(), Serdes.String());

    public void Init(IFixedKeyProcessorContext<string, OrderCreated> context)
    {
        _context = context;
        _accepted = context.GetStateStore<IWindowStore<string, string>>(storeName);
    }

    /// <exception cref="InvalidOrderException">The order id was accepted for an order with other content.</exception>
    public void Process(FixedKeyRecord<string, OrderCreated> record)
    {
        var order = record.Value;
        var fingerprint = OrderFingerprint.Of(order);
        var offset = _context!.RecordMetadata?.Offset;
        if (TtlMarks.TryFind(_accepted!, order.OrderId, record.Timestamp, _ttlMs, out var stored))
        {
            var accepted = OrderIdMark.Parse(stored);
            if (accepted.Fingerprint != fingerprint)
            {
                throw new InvalidOrderException(
                    $"Order id '{order.OrderId}' was already accepted for an order with other content; an order id names one order");
            }

            if (accepted.Offset is { } marked && TtlMarks.IsRedeliveryOf(marked, offset))
            {
                _context.Forward(record);
            }

            return;
        }

        _accepted!.Put(order.OrderId, new OrderIdMark(fingerprint, offset).ToString(), record.Timestamp);
        _context.Forward(record);
    }
}
