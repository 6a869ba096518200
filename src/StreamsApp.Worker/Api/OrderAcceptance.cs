using System.Security.Cryptography;
using System.Text;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Orders;

namespace StreamsApp.Worker.Api;

/// <summary>
/// What the order intake accepted under an order id: the fingerprint of that order (<see cref="OrderFingerprint"/>),
/// from the intake's order-id store on the worker that owns the id (<see cref="OrderIntakeTopology"/>).
/// </summary>
/// <param name="OrderId">The order id.</param>
/// <param name="Fingerprint">The accepted order's fingerprint.</param>
internal sealed record OrderAcceptance(string OrderId, string Fingerprint)
{
    /// <summary>The acceptance of <paramref name="orderId"/> in this worker's store; null when none is remembered.</summary>
    /// <param name="streams">The runtime holding the store.</param>
    /// <param name="orderId">The order id.</param>
    /// <param name="stale">Whether a standby replica may answer.</param>
    public static OrderAcceptance? Read(KafkaStreams streams, string orderId, bool stale = false)
    {
        var query = StoreQueryParameters<IReadOnlyWindowStore<string, string>>.FromNameAndType(
            OrderIntakeTopology.OrderIdStore, QueryableStoreTypes.WindowStore<string, string>());
        var store = streams.Store(stale ? query.EnableStaleStores() : query);
        foreach (var (_, mark) in store.Fetch(orderId, 0, long.MaxValue))
        {
            return new OrderAcceptance(orderId, OrderIdMark.Parse(mark).Fingerprint);
        }

        return null;
    }

    /// <summary>
    /// The order id an <c>Idempotency-Key</c> stands for when the body names none: the same key always gives the same
    /// id, so a retried POST is recognised as the first one. Hashed, so any key text makes a valid id.
    /// </summary>
    /// <param name="idempotencyKey">The header's value.</param>
    public static string OrderIdFor(string idempotencyKey) =>
        "idem-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32];
}
