using Confluent.Kafka;
using StreamsApp.Contracts.Customers;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Products;
using StreamsApp.Streams;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;
using StreamsApp.Topologies.Enrichment;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Tests.Support;

namespace StreamsApp.Topologies.Tests.Enrichment;

/// <summary>The enrichment topology in a test driver, with its tables' topics, input and output.</summary>
internal sealed class OrderEnrichmentDriver : IDisposable
{
    public const string ApplicationId = "enrichment-test";
    public const string RepartitionTopic = ApplicationId + "-" + OrderEnrichmentTopology.CustomerJoin + "-repartition";

    private readonly TopologyTestDriver _driver;

    public OrderEnrichmentDriver(TopologyTestDriverOptions? options = null)
    {
        var serdes = new ContractSerdes(new InMemorySchemaRegistry());
        var builder = new StreamsBuilder();
        OrderEnrichmentTopology.AddTo(builder, serdes);
        _driver = new TopologyTestDriver(builder.Build(), new StreamsConfig { ApplicationId = ApplicationId }.UseDeadLetterTopics(), options);
        Orders = _driver.CreateInputTopic(Topics.OrdersAccepted, ContractSerdes.Key, serdes.Value<OrderCreated>());
        Customers = _driver.CreateInputTopic(Topics.CustomerProfiles, ContractSerdes.Key, serdes.Value<Customer>());
        Products = _driver.CreateInputTopic(Topics.ProductCatalog, ContractSerdes.Key, serdes.Value<Product>());
        Enriched = _driver.CreateOutputTopic(Topics.OrdersEnriched, ContractSerdes.Key, serdes.Value<EnrichedOrder>());
    }

    public TestInputTopic<string, OrderCreated> Orders { get; }

    public TestInputTopic<string, Customer> Customers { get; }

    public TestInputTopic<string, Product> Products { get; }

    public TestOutputTopic<string, EnrichedOrder> Enriched { get; }

    public IReadOnlyCollection<string> ProducedTopicNames => _driver.ProducedTopicNames;

    /// <summary>An input topic taking raw values, for records that are not what the topic's schema says.</summary>
    public TestInputTopic<string, byte[]> RawInput(string topic) => _driver.CreateInputTopic(topic, ContractSerdes.Key, Serdes.ByteArray());

    /// <summary>What the topology wrote to a topic, as raw values (repartition topics).</summary>
    public TestOutputTopic<string, byte[]> Output(string topic) => _driver.CreateOutputTopic(topic, ContractSerdes.Key, Serdes.ByteArray());

    public void Pipe(OrderCreated order, Headers? headers = null) =>
        Orders.PipeInput(new TestRecord<string, OrderCreated>(
            order.OrderId, order, SampleOrders.PlacedAt.ToUnixTimeMilliseconds(), headers));

    public void Pipe(Customer customer) => Customers.PipeInput(customer.CustomerId, customer, SampleOrders.PlacedAt);

    public void Pipe(Product product) => Products.PipeInput(product.ProductId, product, SampleOrders.PlacedAt);

    public void Dispose() => _driver.Dispose();
}
