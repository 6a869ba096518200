using StreamsApp.Contracts.Views;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// The projections' stores: RocksDB, change-logged (<c>{application id}-{name}-changelog</c>), keys strings, except
/// the saga totals. <see cref="All"/> lists the ones served as stored; customer summaries, product sales and
/// saga statistics are summed from one record per order or saga when read (<see cref="CustomerSummaries"/>,
/// <see cref="Projections.ProductSales"/>, <see cref="Projections.SagaCounts"/>), so that every record a projection
/// writes is whole and no redelivery or crash can count anything twice.
/// </summary>
public static class ProjectionStores
{
    /// <summary>Order views (<see cref="OrderView"/>) keyed by order id.</summary>
    public const string OrderViews = "projections-order-views";

    /// <summary>
    /// Each order's part in its customer's summary (<see cref="CustomerOrderOutcome"/>, JSON), keyed by
    /// <see cref="CustomerSummaries.Key"/> (customer id, then order id) and partitioned by customer id.
    /// </summary>
    public const string CustomerOrders = "projections-customer-orders";

    /// <summary>
    /// Each completed order's sale of each product (<see cref="ProductSaleLine"/>, JSON): a window store of 1-hour
    /// windows of order time, keyed by <see cref="Projections.ProductSales.Key"/> (product id, then order id) and
    /// partitioned by product id; <see cref="Projections.ProductSales.Read"/> sums an hour's lines.
    /// </summary>
    public const string ProductSales = "projections-product-sales";

    /// <summary>The state each saga is counted in by the saga statistics (<see cref="SagaMark"/>, JSON), keyed by saga id.</summary>
    public const string SagaCounts = "projections-saga-counts";

    /// <summary>
    /// Each task's saga totals (<see cref="SagaTotals"/>, JSON, under <see cref="Projections.SagaCounts.TotalsKey"/>):
    /// in memory, made from <see cref="SagaCounts"/> when the task starts.
    /// </summary>
    public const string SagaTotals = "projections-saga-totals";

    /// <summary>The stores a host may serve generically (every one but the in-memory saga totals), with what they hold.</summary>
    public static IReadOnlyList<ProjectionStore> All { get; } =
    [
        new(OrderViews, ProjectionStoreKind.KeyValue, typeof(string), typeof(OrderView),
            "Each order as its customer sees it: status, timeline, items with product names, totals, the last saga version applied; by order id"),
        new(CustomerOrders, ProjectionStoreKind.KeyValue, typeof(string), typeof(CustomerOrderOutcome),
            "Each order's part in its customer's summary (GET /customers/{id} sums them); by customer id, NUL, order id"),
        new(ProductSales, ProjectionStoreKind.Window, typeof(string), typeof(ProductSaleLine),
            "Each completed order's units and revenue of each product in 1-hour windows of order time (GET /products/{id}/sales sums them); by product id, NUL, order id"),
        new(SagaCounts, ProjectionStoreKind.KeyValue, typeof(string), typeof(SagaMark),
            "The state each saga is counted in by the saga statistics; by saga id"),
    ];
}
