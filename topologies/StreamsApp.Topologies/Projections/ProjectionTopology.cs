using Avro.Specific;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Views;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Orders;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// The CQRS projections (issue 5, point 5): read models folded from <c>orders.enriched</c> and <c>saga.state</c>
/// (both keyed by order id, so co-partitioned) into the queryable stores of <see cref="ProjectionStores"/>. Every
/// projection is idempotent against redelivered input (Projections/README.md says how), and none writes a topic:
/// the stores' changelogs carry the read models.
/// </summary>
public static class ProjectionTopology
{
    /// <summary>The source node of <c>orders.enriched</c>.</summary>
    public const string EnrichedOrdersSource = "projections-orders-enriched-source";

    /// <summary>The source node of <c>saga.state</c>.</summary>
    public const string SagaStateSource = "projections-saga-state-source";

    /// <summary>Adds the four projections, with their sources of <c>orders.enriched</c> and <c>saga.state</c>, to <paramref name="builder"/>.</summary>
    /// <param name="builder">The application's builder.</param>
    /// <param name="serdes">The contract serdes.</param>
    /// <param name="options">The product sales' grace and retention; default: <see cref="ProjectionOptions"/>' defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (<see cref="ProjectionOptions.Validate"/>).</exception>
    public static void AddTo(StreamsBuilder builder, ContractSerdes serdes, ProjectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(serdes);
        options ??= new ProjectionOptions();
        options.Validate();

        var enriched = builder.Stream(Topics.OrdersEnriched, Consumed.With(ContractSerdes.Key, serdes.Event<EnrichedOrder>()).WithName(EnrichedOrdersSource));
        var states = builder.Stream(Topics.SagaState, Consumed.With(ContractSerdes.Key, serdes.Value<SagaState>()).WithName(SagaStateSource));
        var views = AddOrderViews(serdes, enriched, states);
        AddCustomerSummaries(serdes, views);
        AddProductSales(builder, serdes, views, options);
        AddSagaStatistics(builder, serdes, states);
    }

    /// <summary>Order views: both inputs folded per order id, in whichever order they arrive (<see cref="OrderViews"/>).</summary>
    private static IKTable<string, OrderView> AddOrderViews(
        ContractSerdes serdes, IKStream<string, EnrichedOrder> enriched, IKStream<string, SagaState> states) =>
        enriched.MapValues(order => (ISpecificRecord)order, Named.As("projections-enriched-input"))
            .Merge(states.MapValues(state => (ISpecificRecord)state, Named.As("projections-state-input")), Named.As("projections-order-inputs"))
            .GroupByKey()
            .Aggregate(
                () => new OrderView(), OrderViews.Apply, Named.As("projections-order-views-aggregate"),
                Materialized.As<string, OrderView>(ProjectionStores.OrderViews).WithKeySerde(ContractSerdes.Key).WithValueSerde(serdes.Value<OrderView>()));

    /// <summary>Customer summaries: the order views re-grouped by customer id (<see cref="CustomerSummaries"/>).</summary>
    private static void AddCustomerSummaries(ContractSerdes serdes, IKTable<string, OrderView> views) =>
        views.GroupBy(
                (_, view) => KeyValue.Pair(view.CustomerId, CustomerOrderOutcome.Of(view)),
                Grouped.With(ContractSerdes.Key, Serdes.Json<CustomerOrderOutcome>()).WithName("projections-orders-by-customer"))
            .Aggregate(
                () => new CustomerSummary(), CustomerSummaries.Add, CustomerSummaries.Subtract, Named.As("projections-customer-summaries-aggregate"),
                Materialized.As<string, CustomerSummary>(ProjectionStores.CustomerSummaries)
                    .WithKeySerde(ContractSerdes.Key).WithValueSerde(serdes.Value<CustomerSummary>()));

    /// <summary>
    /// Product sales of completed orders: a view that is COMPLETED and has its items (both inputs arrived) is
    /// counted once (the first time; the view is forwarded again on every later change), split per product, and
    /// added to the product's hour of the order's time.
    /// </summary>
    private static void AddProductSales(StreamsBuilder builder, ContractSerdes serdes, IKTable<string, OrderView> views, ProjectionOptions options)
    {
        var windows = TimeWindows.OfSizeAndGrace(ProjectionOptions.SalesWindowSize, options.SalesGrace);
        var sales = new ProductSales(windows);
        builder.AddStateStore(EventDeduplicator.StoreBuilder(ProjectionStores.SalesCounted, options.SalesRetention));
        views.ToStream(Named.As("projections-order-view-changes"))
            .Filter((_, view) => view is { Status: SagaStatus.COMPLETED } && view.HasItems(), Named.As("projections-completed-orders"))
            .ProcessValues(
                () => new EventDeduplicator<string, OrderView>(ProjectionStores.SalesCounted, view => view.OrderId, options.SalesRetention),
                Named.As("projections-count-order-once"), ProjectionStores.SalesCounted)
            .Process(() => new SaleLines(), Named.As("projections-sale-lines"))
            .GroupByKey(Grouped.With(ContractSerdes.Key, Serdes.Json<ProductSaleLine>()).WithName("projections-sales-by-product"))
            .WindowedBy(windows)
            .Aggregate(
                () => new ProductSalesPerHour(), sales.Add, Named.As("projections-product-sales-aggregate"),
                Materialized.As<string, ProductSalesPerHour>(ProjectionStores.ProductSalesHourly)
                    .WithKeySerde(ContractSerdes.Key).WithValueSerde(serdes.Value<ProductSalesPerHour>()).WithRetention(options.SalesRetention));
    }

    /// <summary>Saga statistics: each saga's moves between states (<see cref="SagaStatusTracker"/>), summed per state.</summary>
    private static void AddSagaStatistics(StreamsBuilder builder, ContractSerdes serdes, IKStream<string, SagaState> states)
    {
        builder.AddStateStore(Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore(ProjectionStores.SagaStatus), ContractSerdes.Key, Serdes.String()));
        states.Process(() => new SagaStatusTracker(), Named.As("projections-saga-moves"), ProjectionStores.SagaStatus)
            .GroupByKey(Grouped.With(ContractSerdes.Key, Serdes.Json<SagaCountChange>()).WithName("projections-saga-moves-by-state"))
            .Aggregate(
                () => new SagaStatistics(), SagaStatisticsCounts.Apply, Named.As("projections-saga-statistics-aggregate"),
                Materialized.As<string, SagaStatistics>(ProjectionStores.SagaStatistics)
                    .WithKeySerde(ContractSerdes.Key).WithValueSerde(serdes.Value<SagaStatistics>()));
    }
}
