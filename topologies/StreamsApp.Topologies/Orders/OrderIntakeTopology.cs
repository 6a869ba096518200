using StreamsApp.Contracts.Orders;
using StreamsApp.Streams.Dsl;
using StreamsApp.Topologies.Enrichment;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Orders;

/// <summary>
/// Order intake (issue 5, points 7 and 8; issue 15): reads <c>orders.events</c>, rejects orders that break
/// <see cref="OrderRules"/> or are not priced as the product catalogue prices them (<see cref="CataloguePrices"/>),
/// keeps each order id to one order (<see cref="OrderIdGuard"/>: a resent order is dropped,
/// another order under a used id rejected), drops redelivered events (same event id within a TTL) and writes the
/// rest, as a child span of the event, to <c>orders.accepted</c>, which the saga and the enrichment read. Records that cannot be
/// deserialized and rejected orders go to <c>orders.events.DLT</c> with decision 0010's metadata (the reason is the
/// message header), and processing goes on; that needs the handlers of
/// <see cref="DeadLetterConfig.UseDeadLetterTopics"/> in the application's configuration.
/// </summary>
public static class OrderIntakeTopology
{
    /// <summary>The source node, named in the <c>processor.node</c> header of records that cannot be deserialized.</summary>
    public const string SourceNode = "orders-events-source";

    /// <summary>The validation node, named in the <c>processor.node</c> header of rejected orders.</summary>
    public const string ValidateNode = "orders-validate";

    /// <summary>The deduplication node.</summary>
    public const string DeduplicateNode = "orders-deduplicate";

    /// <summary>The store of event ids seen within the TTL (changelog <c>{application id}-orders-event-ids-changelog</c>).</summary>
    public const string EventIdStore = "orders-event-ids";

    /// <summary>The node checking each line's price against the product catalogue.</summary>
    public const string PriceCheckNode = "orders-check-prices";

    /// <summary>The order-id guard node.</summary>
    public const string OrderIdGuardNode = "orders-guard-order-id";

    /// <summary>The store of accepted orders' fingerprints by order id (changelog <c>{application id}-orders-by-id-changelog</c>).</summary>
    public const string OrderIdStore = "orders-by-id";

    /// <summary>How long an event id is remembered by default: a day covers producer retries and redeliveries.</summary>
    public static readonly TimeSpan DefaultDeduplicationTtl = TimeSpan.FromDays(1);

    /// <summary>
    /// How long an order id is kept to its order by default: thirty days, longer than the saga keeps a finished saga
    /// (<c>SagaOptions.FinishedSagaRetention</c>, seven days), so an id is never reused while its saga is known.
    /// </summary>
    public static readonly TimeSpan DefaultOrderIdTtl = TimeSpan.FromDays(30);

    /// <summary>Adds the intake to <paramref name="builder"/>.</summary>
    /// <param name="builder">The application's builder.</param>
    /// <param name="serdes">The contract serdes.</param>
    /// <param name="deduplicationTtl">How long an event id is remembered, by event time; default <see cref="DefaultDeduplicationTtl"/>.</param>
    /// <param name="orderIdTtl">How long an order id is kept to its order, by event time; default <see cref="DefaultOrderIdTtl"/>.</param>
    /// <param name="catalogStore">The product catalogue's store (<see cref="ProductCatalog"/>) when another part added it; null: the intake adds it.</param>
    public static void AddTo(
        StreamsBuilder builder, ContractSerdes serdes, TimeSpan? deduplicationTtl = null, TimeSpan? orderIdTtl = null, string? catalogStore = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(serdes);
        var ttl = deduplicationTtl ?? DefaultDeduplicationTtl;
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromMilliseconds(1), nameof(deduplicationTtl));
        var idTtl = orderIdTtl ?? DefaultOrderIdTtl;
        ArgumentOutOfRangeException.ThrowIfLessThan(idTtl, TimeSpan.FromMilliseconds(1), nameof(orderIdTtl));

        var orders = serdes.Value<OrderCreated>();
        var catalog = catalogStore ?? ProductCatalog.AddTo(builder, serdes);
        builder.AddStateStore(EventDeduplicator.StoreBuilder(EventIdStore, ttl));
        builder.AddStateStore(OrderIdGuard.StoreBuilder(OrderIdStore, idTtl));
        builder.Stream(Topics.OrderEvents, Consumed.With(ContractSerdes.Key, orders).WithName(SourceNode))
            // Validation comes first so that only accepted events are remembered: an order fixed and replayed from the
            // DLT with its event id is then not mistaken for a duplicate. The guard comes before the event ids for the
            // same reason: an order rejected for its id is not remembered by its event id.
            .MapValues(OrderRules.EnsureValid, Named.As(ValidateNode))
            .ProcessValues(() => new CataloguePriceCheck(catalog), Named.As(PriceCheckNode))
            .ProcessValues(() => new OrderIdGuard(OrderIdStore, idTtl), Named.As(OrderIdGuardNode), OrderIdStore)
            .ProcessValues(
                () => new EventDeduplicator<string, OrderCreated>(EventIdStore, order => order.EventId, ttl),
                Named.As(DeduplicateNode), EventIdStore)
            .ProcessValues(
                () => new TraceSpanProcessor<string, OrderCreated>(order => order.OrderId, order => order.EventId),
                Named.As("orders-accepted-span"))
            .To(Topics.OrdersAccepted, Produced.With(ContractSerdes.Key, orders));
    }
}
