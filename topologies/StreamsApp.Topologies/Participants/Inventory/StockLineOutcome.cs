namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>A product task's answer to a <see cref="StockLineAction.Reserve"/> line, keyed by order id.</summary>
/// <param name="OrderId">The order; the record key.</param>
/// <param name="ProductId">The product.</param>
/// <param name="ShortReason">Why the units could not be held; null when they are held.</param>
internal sealed record StockLineOutcome(string OrderId, string ProductId, string? ShortReason);
