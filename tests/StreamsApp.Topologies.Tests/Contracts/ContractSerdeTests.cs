using Confluent.Kafka;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Orders;
using StreamsApp.Streams.Avro;

namespace StreamsApp.Topologies.Tests.Contracts;

public class ContractSerdeTests
{
    private readonly InMemorySchemaRegistry _registry = new();

    [Fact]
    public async Task OrderCreatedGoesThroughTheAvroSerdeUnderItsTopicsSubject()
    {
        var order = (OrderCreated)new ContractSamples().Filled(typeof(OrderCreated));
        var serde = new AvroSerde<OrderCreated>(_registry);
        var context = new SerializationContext(MessageComponentType.Value, "orders.events");

        var read = serde.Deserializer.Deserialize(serde.Serializer.Serialize(order, context), isNull: false, context);

        ContractAssert.Equivalent(order, read);
        Assert.Equal(order.Schema.ToString(), (await _registry.GetLatestSchemaAsync("orders.events-value")).SchemaString);
    }

    [Fact]
    public void AnEnvelopeGoesThroughTheAvroSerdeWithItsMessageType()
    {
        var command = new InventoryCommand
        {
            Message = new ReleaseStock { SagaId = "saga-1", OrderId = "o-1", MessageId = "m-1", Items = [new OrderItem { ProductId = "p-1", Quantity = 2, Price = 5m }], Reason = "payment failed" },
        };
        var serde = new AvroSerde<InventoryCommand>(_registry);
        var context = new SerializationContext(MessageComponentType.Value, "inventory.commands");

        var read = serde.Deserializer.Deserialize(serde.Serializer.Serialize(command, context), isNull: false, context);

        ContractAssert.Equivalent(command, Assert.IsType<InventoryCommand>(read));
        Assert.IsType<ReleaseStock>(read.Message);
    }
}
