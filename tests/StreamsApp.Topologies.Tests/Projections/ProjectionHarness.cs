using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Views;
using StreamsApp.Streams;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;
using StreamsApp.Topologies.Enrichment;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Projections;
using StreamsApp.Topologies.Tests.Support;
using static StreamsApp.Topologies.Tests.Support.SampleReferenceData;

namespace StreamsApp.Topologies.Tests.Projections;

/// <summary>
/// The projections alone in a TopologyTestDriver with two partitions per topic (so a missing repartition by customer,
/// product or state shows as a wrong count), fed enriched orders and saga states as the enrichment and the
/// orchestrator write them.
/// </summary>
internal sealed class ProjectionHarness : IDisposable
{
    // One registry for every harness: a restarted one reads stores written with the schema ids of the one before.
    private static readonly InMemorySchemaRegistry Registry = new();

    /// <param name="options">The projections' options; default: <see cref="ProjectionOptions"/>' defaults.</param>
    /// <param name="stateDir">The state directory, for a harness restarted on the stores of the one before; default: a temporary one.</param>
    public ProjectionHarness(ProjectionOptions? options = null, string? stateDir = null)
    {
        var serdes = new ContractSerdes(Registry);
        var builder = new StreamsBuilder();
        ProjectionTopology.AddTo(builder, serdes, options);
        var config = new StreamsConfig { ApplicationId = "projection-tests" };
        if (stateDir is not null)
        {
            config.StateDir = stateDir;
        }

        Driver = new TopologyTestDriver(builder.Build(), config, new TopologyTestDriverOptions { DefaultPartitions = 2 });
        Enriched = Driver.CreateInputTopic(Topics.OrdersEnriched, ContractSerdes.Key, serdes.Value<EnrichedOrder>());
        States = Driver.CreateInputTopic(Topics.SagaState, ContractSerdes.Key, serdes.Value<SagaState>());
    }

    public TopologyTestDriver Driver { get; }

    public TestInputTopic<string, EnrichedOrder> Enriched { get; }

    public TestInputTopic<string, SagaState> States { get; }

    public IKeyValueStore<string, OrderView> Views => Driver.GetKeyValueStore<string, OrderView>(ProjectionStores.OrderViews);

    public IKeyValueStore<string, CustomerOrderOutcome> CustomerOrders => Driver.GetKeyValueStore<string, CustomerOrderOutcome>(ProjectionStores.CustomerOrders);

    public IWindowStore<string, ProductSaleLine> SaleLines => Driver.GetWindowStore<string, ProductSaleLine>(ProjectionStores.ProductSales);

    public IKeyValueStore<string, SagaMark> SagaMarks => Driver.GetKeyValueStore<string, SagaMark>(ProjectionStores.SagaCounts);

    /// <summary>The saga statistics: every task's totals summed.</summary>
    public SagaTotals Totals => SagaCounts.Sum(Driver.GetKeyValueStore<string, SagaTotals>(ProjectionStores.SagaTotals));

    /// <summary>The hours of <paramref name="productId"/> with sales, as the query API reads them.</summary>
    public IReadOnlyList<ProductSalesPerHour> Sales(string productId) =>
        ProductSales.Read(SaleLines, productId, 0, SampleOrders.PlacedAt.AddDays(1).ToUnixTimeMilliseconds());

    /// <summary>The enriched sample order (2 × p-1 "Manual" at 10.00, 1 × p-2 "Pen" at 5.50; 25.50 EUR) of <paramref name="customerId"/> "Ada", placed at <paramref name="placedAt"/>.</summary>
    public static EnrichedOrder Order(string orderId, string customerId = "c-1", DateTimeOffset? placedAt = null)
    {
        var order = SampleOrders.Valid(orderId, "e-" + orderId, customerId);
        order.Timestamp = placedAt ?? SampleOrders.PlacedAt;
        return EnrichedOrders.Create(order, Customer(customerId, "Ada"), id => Product(id, id == "p-1" ? "Manual" : "Pen"));
    }

    /// <summary>The summary of <paramref name="customerId"/>, as the query API reads it; null for a customer without orders.</summary>
    public CustomerSummary? Summary(string customerId) => CustomerSummaries.Read(CustomerOrders, customerId);

    /// <summary>
    /// The saga state of the sample order in <paramref name="status"/>, as the orchestrator publishes it: its version
    /// grows with the status, as it does along every saga path.
    /// </summary>
    public static SagaState State(string orderId, SagaStatus status, DateTimeOffset at, string customerId = "c-1", string? failure = null) => new()
    {
        SagaId = orderId,
        OrderId = orderId,
        CustomerId = customerId,
        Status = status,
        StartedAt = SampleOrders.PlacedAt,
        UpdatedAt = at,
        Deadline = SampleOrders.PlacedAt.AddMinutes(5),
        Items = SampleOrders.Valid(orderId).Items,
        TotalAmount = 25.50m,
        Currency = "EUR",
        ShippingAddress = SampleOrders.Valid(orderId).ShippingAddress,
        FailureReason = failure,
        Version = 1 + (int)status,
    };

    public void Place(EnrichedOrder order) => Enriched.PipeInput(order.OrderId, order, order.Timestamp);

    /// <summary>Pipes the states of <paramref name="orderId"/>'s saga, one second apart from the sample order's time.</summary>
    public void Move(string orderId, string customerId, params SagaStatus[] statuses)
    {
        foreach (var status in statuses)
        {
            var failure = status is SagaStatus.COMPENSATING or SagaStatus.FAILED ? "payment: insufficient credit" : null;
            States.PipeInput(orderId, State(orderId, status, At(status), customerId, failure), At(status));
        }
    }

    public void Move(string orderId, params SagaStatus[] statuses) => Move(orderId, "c-1", statuses);

    /// <summary>The time the sample saga reaches <paramref name="status"/>: one second per step after the order.</summary>
    public static DateTimeOffset At(SagaStatus status) => SampleOrders.PlacedAt.AddSeconds(1 + (int)status);

    /// <summary>The count of sagas in <paramref name="status"/> (0 when the state never had one).</summary>
    public long Sagas(SagaStatus status) => Totals[status];

    public void Dispose() => Driver.Dispose();
}
