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
/// its order's time, so old ids expire with the store's segments. Orders are keyed by order id, so all the orders of
/// one id meet in one task.
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
        if (AcceptedFingerprint(order.OrderId, record.Timestamp) is { } accepted)
        {
            if (accepted != fingerprint)
            {
                throw new InvalidOrderException(
                    $"Order id '{order.OrderId}' was already accepted for an order with other content; an order id names one order");
            }

            return;
        }

        _accepted!.Put(order.OrderId, fingerprint, record.Timestamp);
        _context!.Forward(record);
    }

    // Looks both ways, as the event deduplicator: a retried send may carry an earlier time than the first.
    private string? AcceptedFingerprint(string orderId, long timestamp)
    {
        using var accepted = _accepted!.Fetch(orderId, timestamp - _ttlMs + 1, timestamp + _ttlMs - 1);
        return accepted.MoveNext() ? accepted.Current.Value : null;
    }
}
