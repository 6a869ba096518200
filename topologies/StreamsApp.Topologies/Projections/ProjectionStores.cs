using StreamsApp.Contracts.Views;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// The projections' stores. The four read models are DSL aggregations materialized under these names: RocksDB,
/// change-logged (<c>{application id}-{name}-changelog</c>), and timestamped as the DSL's stores are (each value
/// carries the timestamp of the latest record folded into it). Keys are strings and values Avro contract types.
/// </summary>
public static class ProjectionStores
{
    /// <summary>Order views (<see cref="OrderView"/>) keyed by order id.</summary>
    public const string OrderViews = "projections-order-views";

    /// <summary>Customer summaries (<see cref="CustomerSummary"/>) keyed by customer id.</summary>
    public const string CustomerSummaries = "projections-customer-summaries";

    /// <summary>Completed orders' sales per product and hour (<see cref="ProductSalesPerHour"/>): a window store keyed by product id.</summary>
    public const string ProductSalesHourly = "projections-product-sales-hourly";

    /// <summary>Sagas per state (<see cref="Contracts.Views.SagaStatistics"/>) keyed by the <c>SagaStatus</c> symbol, e.g. <c>COMPLETED</c>.</summary>
    public const string SagaStatistics = "projections-saga-statistics";

    /// <summary>Internal (not a read model): the state each saga is counted in by the saga statistics, keyed by saga id.</summary>
    internal const string SagaStatus = "projections-saga-status";

    /// <summary>Internal (not a read model): the orders already counted in the product sales, by order id within the sales retention.</summary>
    internal const string SalesCounted = "projections-sales-counted";

    /// <summary>The queryable read models, for hosts that serve stores generically.</summary>
    public static IReadOnlyList<ProjectionStore> All { get; } =
    [
        new(OrderViews, ProjectionStoreKind.KeyValue, typeof(string), typeof(OrderView),
            "Each order as its customer sees it: status, timeline, items with product names, totals; by order id"),
        new(CustomerSummaries, ProjectionStoreKind.KeyValue, typeof(string), typeof(CustomerSummary),
            "Orders placed, completed and failed and the total spent on completed ones; by customer id"),
        new(ProductSalesHourly, ProjectionStoreKind.Window, typeof(string), typeof(ProductSalesPerHour),
            "Units, orders and revenue of completed orders per product in 1-hour windows of order time; by product id"),
        new(SagaStatistics, ProjectionStoreKind.KeyValue, typeof(string), typeof(Contracts.Views.SagaStatistics),
            "Sagas currently in each state; by state symbol (STARTED, ..., COMPLETED, FAILED)"),
    ];
}
