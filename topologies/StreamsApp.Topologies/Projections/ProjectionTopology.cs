using Avro.Specific;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Views;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Messaging;

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

    /// <summary>Adds the projections, with their sources of <c>orders.enriched</c> and <c>saga.state</c>, to <paramref name="builder"/>.</summary>
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
        var changes = AddOrderViews(serdes, enriched, states).ToStream(Named.As("projections-order-view-changes"));
        AddCustomerOutcomes(builder, changes);
        AddProductSales(builder, changes, options);
        AddSagaCounts(builder, states);
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

    /// <summary>
    /// Customer outcomes: each order view's <see cref="CustomerOrderOutcome"/>, repartitioned by customer id and stored
    /// per customer and order (<see cref="CustomerOrderOutcomes"/>); a summary is their sum when read.
    /// </summary>
    private static void AddCustomerOutcomes(StreamsBuilder builder, IKStream<string, OrderView> changes)
    {
        builder.AddStateStore(Stores.KeyValueStoreBuilder(
            Stores.PersistentKeyValueStore(ProjectionStores.CustomerOrders), ContractSerdes.Key, Serdes.Json<CustomerOrderOutcome>()));
        changes.Filter((_, view) => !string.IsNullOrEmpty(view.CustomerId), Named.As("projections-orders-with-customer"))
            .Map((_, view) => KeyValue.Pair(view.CustomerId, CustomerOrderOutcome.Of(view)), Named.As("projections-order-outcomes"))
            .Repartition(Repartitioned.With(ContractSerdes.Key, Serdes.Json<CustomerOrderOutcome>()).WithName("projections-outcomes-by-customer"))
            .Process(() => new CustomerOrderOutcomes(), Named.As("projections-customer-orders"), ProjectionStores.CustomerOrders);
    }

    /// <summary>
    /// Product sales of completed orders: a view that is COMPLETED and has its items (both inputs arrived) is split
    /// per product, repartitioned by product id, and stored per product and order in the hour of the order's time
    /// (<see cref="ProductSaleRecorder"/>; the view is forwarded again on every later change, which writes the same record).
    /// </summary>
    private static void AddProductSales(StreamsBuilder builder, IKStream<string, OrderView> changes, ProjectionOptions options)
    {
        var windows = TimeWindows.OfSizeAndGrace(ProjectionOptions.SalesWindowSize, options.SalesGrace);
        builder.AddStateStore(Stores.WindowStoreBuilder(
            Stores.PersistentWindowStore(ProjectionStores.ProductSales, options.SalesRetention, ProjectionOptions.SalesWindowSize, retainDuplicates: false),
            ContractSerdes.Key, Serdes.Json<ProductSaleLine>()));
        changes.Filter((_, view) => view is { Status: SagaStatus.COMPLETED } && view.HasItems(), Named.As("projections-completed-orders"))
            .Process(() => new SaleLines(), Named.As("projections-sale-lines"))
            .Repartition(Repartitioned.With(ContractSerdes.Key, Serdes.Json<ProductSaleLine>()).WithName("projections-sales-by-product"))
            .Process(() => new ProductSaleRecorder(windows), Named.As("projections-product-sales"), ProjectionStores.ProductSales);
    }

    /// <summary>
    /// Saga statistics: each task counts the sagas of its <c>saga.state</c> partition (<see cref="SagaCounter"/>), with
    /// its totals in memory.
    /// </summary>
    private static void AddSagaCounts(StreamsBuilder builder, IKStream<string, SagaState> states)
    {
        builder.AddStateStore(Stores.KeyValueStoreBuilder(
            Stores.PersistentKeyValueStore(ProjectionStores.SagaCounts), ContractSerdes.Key, Serdes.Json<SagaMark>()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(
            Stores.InMemoryKeyValueStore(ProjectionStores.SagaTotals), ContractSerdes.Key, Serdes.Json<SagaTotals>()).WithLoggingDisabled());
        states.Process(() => new SagaCounter(), Named.As("projections-saga-counts"), ProjectionStores.SagaCounts, ProjectionStores.SagaTotals);
    }
}
