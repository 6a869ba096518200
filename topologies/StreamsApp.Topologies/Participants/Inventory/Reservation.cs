using StreamsApp.Contracts;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Orders;
using StreamsApp.Streams.Processing;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>Where an order's reservation stands.</summary>
internal enum ReservationStatus
{
    /// <summary>Lines sent to the product tasks; not all have answered.</summary>
    Pending,

    /// <summary>Every line is held.</summary>
    Reserved,

    /// <summary>Some line could not be held; the held ones were given back.</summary>
    Failed,

    /// <summary>The saga released the order's stock.</summary>
    Released,
}

/// <summary>A line of the order as the reply repeats it.</summary>
internal sealed record ReservedLine(string ProductId, int Quantity, decimal Price);

/// <summary>An order's reservation, in the store keyed by order id (the order's task owns it).</summary>
/// <param name="Status">Where it stands.</param>
/// <param name="Command">The ReserveStock (or, for a release of an unknown order, ReleaseStock) it answers.</param>
/// <param name="Trace">The command's trace headers, so the reply is its child span when the decision comes later.</param>
/// <param name="Lines">The order's lines.</param>
/// <param name="Held">Products whose units are held.</param>
/// <param name="Short">Products that could not be held, with the reasons.</param>
internal sealed record Reservation(
    ReservationStatus Status,
    CommandRef Command,
    TraceHeaders? Trace,
    IReadOnlyList<ReservedLine> Lines,
    IReadOnlyList<string> Held,
    IReadOnlyDictionary<string, string> Short)
{
    /// <summary>Units per product: an order may list a product on several lines, and holds are per product.</summary>
    public IEnumerable<(string ProductId, int Quantity)> QuantitiesByProduct() =>
        Lines.GroupBy(line => line.ProductId, StringComparer.Ordinal).Select(group => (group.Key, group.Sum(line => line.Quantity)));

    public bool AllLinesAnswered() => Held.Count + Short.Count == QuantitiesByProduct().Count();

    public static Reservation Start(ReservationStatus status, ISagaMessage command, TraceHeaders? trace, IEnumerable<OrderItem> items) =>
        new(status, CommandRef.Of(command), trace,
            [.. items.Select(item => new ReservedLine(item.ProductId, item.Quantity, item.Price))], [], new Dictionary<string, string>());

    /// <summary>The reply that states this reservation's decision (not meaningful while pending).</summary>
    /// <param name="command">The ReserveStock answered: the stored one, or a redelivery of it.</param>
    /// <param name="trace">That command's trace headers.</param>
    /// <param name="timestampMs">The reply's timestamp.</param>
    public Record<string, InventoryReply> Reply(ISagaMessage command, TraceHeaders? trace, long timestampMs)
    {
        IInventoryReply message = Status == ReservationStatus.Reserved
            ? new StockReserved { Items = [.. Lines.Select(l => new OrderItem { ProductId = l.ProductId, Quantity = l.Quantity, Price = l.Price })] }
                .Answering(command, timestampMs)
            : new StockFailed { Reason = FailureReason(), ProductIds = [.. Short.Keys.Order(StringComparer.Ordinal)] }
                .Answering(command, timestampMs);
        return CommandReply.Record(command, trace, timestampMs, new InventoryReply { Message = message });
    }

    /// <summary>Lines that give back whatever this order holds of the given products.</summary>
    public IEnumerable<StockLine> ReleaseLines(IEnumerable<string> productIds) =>
        productIds.Select(productId => new StockLine(Command.OrderId, productId, 0, StockLineAction.Release));

    private string FailureReason() => Status switch
    {
        ReservationStatus.Released => "stock already released",
        _ when Short.Count == 0 => "no valid order lines",
        _ => string.Join("; ", Short.Select(s => $"{s.Key}: {s.Value}").Order(StringComparer.Ordinal)),
    };
}
