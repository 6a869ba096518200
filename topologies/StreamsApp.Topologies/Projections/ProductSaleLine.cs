namespace StreamsApp.Topologies.Projections;

/// <summary>One product's part of a completed order, keyed by product id (JSON on the internal repartition topic).</summary>
/// <param name="ProductName">The product's name at enrichment time.</param>
/// <param name="OrderedAt">The order's time: the record's timestamp, so the event time of the hourly windows.</param>
/// <param name="Units">Units of the product in the order.</param>
/// <param name="Revenue">The order's line totals of the product.</param>
/// <param name="Currency">The order's currency.</param>
internal sealed record ProductSaleLine(string ProductName, DateTimeOffset OrderedAt, long Units, decimal Revenue, string Currency);
