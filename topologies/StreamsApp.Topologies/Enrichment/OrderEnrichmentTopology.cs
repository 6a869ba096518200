using StreamsApp.Contracts.Customers;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Products;
using StreamsApp.Streams.Dsl;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Orders;

namespace StreamsApp.Topologies.Enrichment;

/// <summary>
/// Enrichment (issue 5, point 6; event-carried state transfer, seed 000): each accepted order joined with its
/// customer from the <c>customers.profiles</c> KTable and each item's product from the <c>products.catalog</c>
/// GlobalKTable, written to <c>orders.enriched</c> keyed by order id, as a child span of the accepted order. The
/// customer join is a left join and a missing product does not stop the order either: what was not found is left
/// empty (<see cref="EnrichedOrders.Unknown"/>). The customers table is partitioned by customer id and the orders by
/// order id, so the orders go through the repartition topic <c>{application id}-orders-by-customer-repartition</c>
/// first; <c>customers.profiles</c> and that topic must have the same number of partitions, which the runtime gives
/// the repartition topic.
/// </summary>
public static class OrderEnrichmentTopology
{
    /// <summary>The name of the customer join, and of its repartition topic (<c>{application id}-orders-by-customer-repartition</c>).</summary>
    public const string CustomerJoin = "orders-by-customer";

    /// <summary>The customers KTable's store.</summary>
    public const string CustomerStore = "enrichment-customers";

    /// <summary>The products GlobalKTable's store (<see cref="ProductCatalog.Store"/>).</summary>
    public const string ProductStore = ProductCatalog.Store;

    /// <summary>Adds the enrichment, with its own source of <c>orders.accepted</c>, to <paramref name="builder"/>.</summary>
    /// <param name="builder">The application's builder.</param>
    /// <param name="serdes">The contract serdes.</param>
    /// <returns>The customers table, for other parts of the application (a topic has one source per topology).</returns>
    public static IKTable<string, Customer> AddTo(StreamsBuilder builder, ContractSerdes serdes) =>
        AddTo(builder, serdes, AcceptedOrders.Stream(builder, serdes));

    /// <summary>Adds the enrichment of <paramref name="acceptedOrders"/> to <paramref name="builder"/>.</summary>
    /// <param name="builder">The application's builder.</param>
    /// <param name="serdes">The contract serdes.</param>
    /// <param name="acceptedOrders">The application's stream of <c>orders.accepted</c> (<see cref="AcceptedOrders"/>).</param>
    /// <param name="catalogStore">The product catalogue's store (<see cref="ProductCatalog"/>) when another part added it; null: the enrichment adds it.</param>
    /// <returns>The customers table, for other parts of the application (a topic has one source per topology).</returns>
    public static IKTable<string, Customer> AddTo(
        StreamsBuilder builder, ContractSerdes serdes, IKStream<string, OrderCreated> acceptedOrders, string? catalogStore = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(serdes);
        ArgumentNullException.ThrowIfNull(acceptedOrders);
        var orders = serdes.Value<OrderCreated>();
        var customerValues = serdes.Value<Customer>();
        var customers = builder.Table(
            Topics.CustomerProfiles, Consumed.With(ContractSerdes.Key, customerValues), Materialized.As<string, Customer>(CustomerStore));
        var catalog = catalogStore ?? ProductCatalog.AddTo(builder, serdes);

        acceptedOrders
            .SelectKey((_, order) => order.CustomerId, Named.As("orders-key-by-customer"))
            .LeftJoin(
                customers, (order, customer) => new CustomerOrder(order, customer),
                Joined.With(ContractSerdes.Key, orders, customerValues).WithName(CustomerJoin))
            .ProcessValues(() => new ProductLookup(catalog), Named.As("orders-lookup-products"))
            .SelectKey((_, enriched) => enriched.OrderId, Named.As("orders-key-by-order"))
            .ProcessValues(
                () => new TraceSpanProcessor<string, EnrichedOrder>(enriched => enriched.OrderId, enriched => enriched.EventId),
                Named.As("orders-enriched-span"))
            .To(Topics.OrdersEnriched, Produced.With(ContractSerdes.Key, serdes.Value<EnrichedOrder>()));
        return customers;
    }
}
