using Confluent.Kafka;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Products;
using StreamsApp.Streams;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Orders;
using StreamsApp.Topologies.Tests.Support;

namespace StreamsApp.Topologies.Tests.Orders;

/// <summary>The intake topology in a test driver, configured as the worker must be, with its topics.</summary>
internal sealed class OrderIntakeDriver : IDisposable
{
    public const string ApplicationId = "order-intake-test";
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    private readonly TopologyTestDriver _driver;

    /// <param name="stateDir">Where the stores live; null: a fresh directory the driver deletes.</param>
    /// <param name="orderIdTtl">How long an order id is kept to its order; default: as long as event ids are remembered.</param>
    /// <param name="partitions">Partitions of every topic.</param>
    public OrderIntakeDriver(string? stateDir = null, TimeSpan? orderIdTtl = null, int partitions = 1)
    {
        var serdes = new ContractSerdes(new InMemorySchemaRegistry());
        var builder = new StreamsBuilder();
        OrderIntakeTopology.AddTo(builder, serdes, Ttl, orderIdTtl ?? Ttl);
        var config = new StreamsConfig { ApplicationId = ApplicationId, StateDir = stateDir ?? StreamsConfig.DefaultStateDir };
        _driver = new TopologyTestDriver(builder.Build(), config.UseDeadLetterTopics(), new TopologyTestDriverOptions { DefaultPartitions = partitions });
        var orders = serdes.Value<OrderCreated>();
        Orders = _driver.CreateInputTopic(Topics.OrderEvents, ContractSerdes.Key, orders);
        RawOrders = _driver.CreateInputTopic(Topics.OrderEvents, ContractSerdes.Key, Serdes.ByteArray());
        Accepted = _driver.CreateOutputTopic(Topics.OrdersAccepted, ContractSerdes.Key, orders);
        Catalog = _driver.CreateInputTopic(Topics.ProductCatalog, ContractSerdes.Key, serdes.Value<Product>());
        DeadLetters = _driver.CreateOutputTopic(Topics.DeadLetter(Topics.OrderEvents), ContractSerdes.Key, Serdes.ByteArray());
    }

    public TestInputTopic<string, OrderCreated> Orders { get; }

    /// <summary>The same topic with the order's bytes as they are, for poison records.</summary>
    public TestInputTopic<string, byte[]> RawOrders { get; }

    public TestOutputTopic<string, OrderCreated> Accepted { get; }

    /// <summary>The product catalogue the intake checks prices against (empty unless a test adds products).</summary>
    public TestInputTopic<string, Product> Catalog { get; }

    public TestOutputTopic<string, byte[]> DeadLetters { get; }

    public void Pipe(OrderCreated order, DateTimeOffset? at = null, Headers? headers = null) =>
        Orders.PipeInput(new TestRecord<string, OrderCreated>(
            order.OrderId, order, (at ?? SampleOrders.PlacedAt).ToUnixTimeMilliseconds(), headers));

    public void Dispose() => _driver.Dispose();
}
