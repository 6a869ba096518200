using StreamsApp.Contracts.Customers;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Products;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Views;
using StreamsApp.Streams;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Mission;
using StreamsApp.Topologies.Participants.Inventory;
using StreamsApp.Topologies.Participants.Payments;
using StreamsApp.Topologies.Projections;
using StreamsApp.Topologies.Saga;
using StreamsApp.Topologies.Tests.Support;

namespace StreamsApp.Topologies.Tests.Mission;

/// <summary>
/// The whole mission (every part, default options) in one TopologyTestDriver with two partitions per topic, as the
/// worker runs it: reference data and order events in; the saga runs through the real participants, and the
/// projections' stores show the outcome.
/// </summary>
internal sealed class MissionHarness : IDisposable
{
    private readonly TopologyTestDriver _driver;
    private readonly TestInputTopic<string, OrderCreated> _orders;

    public MissionHarness()
    {
        var serdes = new ContractSerdes(new InMemorySchemaRegistry());
        _driver = new TopologyTestDriver(
            MissionTopology.Build(serdes, new MissionOptions()),
            new StreamsConfig { ApplicationId = "mission-tests" }.UseDeadLetterTopics(),
            new TopologyTestDriverOptions { DefaultPartitions = 2, InitialWallClockTime = SampleOrders.PlacedAt });
        _orders = _driver.CreateInputTopic(Topics.OrderEvents, ContractSerdes.Key, serdes.Value<OrderCreated>());
        RawOrders = _driver.CreateInputTopic(Topics.OrderEvents, ContractSerdes.Key, Serdes.ByteArray());
        Customers = _driver.CreateInputTopic(Topics.CustomerProfiles, ContractSerdes.Key, serdes.Value<Customer>());
        Products = _driver.CreateInputTopic(Topics.ProductCatalog, ContractSerdes.Key, serdes.Value<Product>());
        Stock = _driver.CreateInputTopic(Topics.InventoryStock, ContractSerdes.Key, serdes.Value<StockLevel>());
        Outcomes = _driver.CreateOutputTopic(Topics.SagaEvents, ContractSerdes.Key, serdes.Value<SagaEvent>());
        DeadOrders = _driver.CreateOutputTopic(Topics.DeadLetter(Topics.OrderEvents), ContractSerdes.Key, Serdes.ByteArray());
    }

    public TestInputTopic<string, byte[]> RawOrders { get; }

    public TestInputTopic<string, Customer> Customers { get; }

    public TestInputTopic<string, Product> Products { get; }

    public TestInputTopic<string, StockLevel> Stock { get; }

    public TestOutputTopic<string, SagaEvent> Outcomes { get; }

    public TestOutputTopic<string, byte[]> DeadOrders { get; }

    /// <summary>Any topic of the mission, written as raw bytes (null keys and values included).</summary>
    public TestInputTopic<string, byte[]> RawInput(string topic) => _driver.CreateInputTopic(topic, ContractSerdes.Key, Serdes.ByteArray());

    /// <summary>Any topic of the mission, read as raw bytes: a dead-letter topic, say.</summary>
    public TestOutputTopic<string, byte[]> RawOutput(string topic) => _driver.CreateOutputTopic(topic, ContractSerdes.Key, Serdes.ByteArray());

    public IKeyValueStore<string, OrderView> Views => _driver.GetKeyValueStore<string, OrderView>(ProjectionStores.OrderViews);

    /// <summary>The summary of <paramref name="customerId"/>, as the query API reads it; null for a customer without orders.</summary>
    public CustomerSummary? Summary(string customerId) =>
        CustomerSummaries.Read(_driver.GetKeyValueStore<string, CustomerOrderOutcome>(ProjectionStores.CustomerOrders), customerId);

    /// <summary>The hours of <paramref name="productId"/> with sales up to a day after <paramref name="from"/>, as the query API reads them.</summary>
    public IReadOnlyList<ProductSalesPerHour> Sales(string productId, DateTimeOffset from) => ProductSales.Read(
        _driver.GetWindowStore<string, ProductSaleLine>(ProjectionStores.ProductSales), productId, 0, from.AddDays(1).ToUnixTimeMilliseconds());

    /// <summary>The saga statistics: every task's totals summed.</summary>
    public SagaTotals Totals => SagaCounts.Sum(_driver.GetKeyValueStore<string, SagaTotals>(ProjectionStores.SagaTotals));

    public IKeyValueStore<string, SagaState> SagaStore => _driver.GetKeyValueStore<string, SagaState>(SagaStores.State);

    /// <summary>Units of a product the inventory can still reserve.</summary>
    public int Available(string productId) => _driver.GetKeyValueStore<string, int>(InventoryTopology.AvailableStore).Get(productId);

    /// <summary>What a customer has been charged and not refunded.</summary>
    public decimal Spent(string customerId) =>
        _driver.GetKeyValueStore<string, decimal>(PaymentTopology.SpentStore).TryGet(customerId, out var spent) ? spent : 0m;

    /// <summary>
    /// Customers c-1 (Ada, 1000 EUR credit) and c-poor (Bob, 10 EUR), products p-1 "Manual" (10.00 EUR) and p-2 "Pen"
    /// (5.50 EUR, the sample order's prices), each with <paramref name="units"/> in stock.
    /// </summary>
    public MissionHarness WithReferenceData(int units = 10)
    {
        Customers.PipeInput("c-1", SampleReferenceData.Customer("c-1", "Ada"));
        var poor = SampleReferenceData.Customer("c-poor", "Bob");
        poor.CreditLimit = 10m;
        Customers.PipeInput("c-poor", poor);
        Products.PipeInput("p-1", SampleReferenceData.Product("p-1", "Manual"));
        Products.PipeInput("p-2", SampleReferenceData.Product("p-2", "Pen", price: 5.50m));
        foreach (var productId in new[] { "p-1", "p-2" })
        {
            Stock.PipeInput(productId, new StockLevel { ProductId = productId, Available = units, UpdatedAt = SampleOrders.PlacedAt });
        }

        return this;
    }

    /// <summary>An order event of <paramref name="items"/> (the total is their sum), placed at the sample time.</summary>
    public static OrderCreated Order(string orderId, string customerId, params OrderItem[] items)
    {
        var order = SampleOrders.Valid(orderId, "e-" + orderId, customerId);
        order.Items = items;
        order.TotalAmount = items.Sum(item => item.Quantity * item.Price);
        return order;
    }

    public void Place(OrderCreated order) => _orders.PipeInput(order.OrderId, order, order.Timestamp);

    /// <summary>The saga outcomes (SagaCompleted or SagaFailed, not SagaTimedOut) written so far, by order id.</summary>
    public Dictionary<string, ISagaEvent> ReadOutcomes() =>
        Outcomes.ReadRecordsToList().Where(record => record.Value.Message is not SagaTimedOut)
            .ToDictionary(record => record.Key, record => (ISagaEvent)record.Value.Message!);

    public long Sagas(SagaStatus status) => Totals[status];

    public void AdvanceWallClockTime(TimeSpan advance) => _driver.AdvanceWallClockTime(advance);

    public void Dispose() => _driver.Dispose();
}
