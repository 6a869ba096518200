using StreamsApp.Contracts.Inventory;

namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>
/// What an order's task emits: a line for a product's task (keyed by product id) or a reply to the saga (keyed by
/// order id). The processor API forwards one value type, so the topology splits the two by which one is set.
/// </summary>
internal sealed record ReservationEffect(StockLine? Line, InventoryReply? Reply)
{
    public static ReservationEffect Of(StockLine line) => new(line, null);

    public static ReservationEffect Of(InventoryReply reply) => new(null, reply);
}
