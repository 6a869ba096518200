namespace StreamsApp.Topologies.Projections;

/// <summary>
/// One product's part of a completed order (JSON): repartitioned by product id, and stored per product and order in
/// the hour of the order's time (<see cref="ProjectionStores.ProductSales"/>).
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="ProductName">The product's name at enrichment time.</param>
/// <param name="OrderedAt">The order's time: the record's timestamp, so the event time of the hourly windows.</param>
/// <param name="Units">Units of the product in the order.</param>
/// <param name="Revenue">The order's line totals of the product.</param>
/// <param name="Currency">The order's currency.</param>
public sealed record ProductSaleLine(string OrderId, string ProductName, DateTimeOffset OrderedAt, long Units, decimal Revenue, string Currency);
