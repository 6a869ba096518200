using System.Text;
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
using StreamsApp.Topologies.Orders;
using StreamsApp.Topologies.Tests.Support;
using static StreamsApp.Topologies.Tests.Support.SampleReferenceData;

namespace StreamsApp.Topologies.Tests.Enrichment;

/// <summary>Intake and enrichment in one application, as the worker runs them: order events in, enriched orders out.</summary>
public sealed class OrderFlowTests
{
    [Fact]
    public void OnlyValidFirstDeliveriesOfOrderEventsAreEnrichedAndTheTraceRunsThroughBothSteps()
    {
        var serdes = new ContractSerdes(new InMemorySchemaRegistry());
        var builder = new StreamsBuilder();
        var catalog = ProductCatalog.AddTo(builder, serdes);
        OrderIntakeTopology.AddTo(builder, serdes, catalogStore: catalog);
        OrderEnrichmentTopology.AddTo(builder, serdes, AcceptedOrders.Stream(builder, serdes), catalog);
        var options = new TopologyTestDriverOptions { DefaultPartitions = 2 };
        using var driver = new TopologyTestDriver(builder.Build(), new StreamsConfig { ApplicationId = "order-flow" }.UseDeadLetterTopics(), options);
        var events = driver.CreateInputTopic(Topics.OrderEvents, ContractSerdes.Key, serdes.Value<OrderCreated>());
        var raw = driver.CreateInputTopic(Topics.OrderEvents, ContractSerdes.Key, Serdes.ByteArray());
        driver.CreateInputTopic(Topics.CustomerProfiles, ContractSerdes.Key, serdes.Value<Customer>()).PipeInput("c-1", Customer("c-1", "Ada"));
        driver.CreateInputTopic(Topics.ProductCatalog, ContractSerdes.Key, serdes.Value<Product>()).PipeInput("p-1", Product("p-1", "Manual"));
        var enriched = driver.CreateOutputTopic(Topics.OrdersEnriched, ContractSerdes.Key, serdes.Value<EnrichedOrder>());
        var deadLetters = driver.CreateOutputTopic(Topics.DeadLetter(Topics.OrderEvents), ContractSerdes.Key, Serdes.ByteArray());
        var invalid = SampleOrders.Valid("o-2", "e-2");
        invalid.Items = [];
        var trace = TraceHeaders.Start("o-1");

        events.PipeInput(new TestRecord<string, OrderCreated>("o-1", SampleOrders.Valid("o-1", "e-1"), SampleOrders.PlacedAt.ToUnixTimeMilliseconds(), trace.ToHeaders()));
        events.PipeInput("o-1", SampleOrders.Valid("o-1", "e-1"), SampleOrders.PlacedAt);
        events.PipeInput("o-2", invalid, SampleOrders.PlacedAt);
        raw.PipeInput("o-3", Encoding.UTF8.GetBytes("not an order"), SampleOrders.PlacedAt);

        var record = enriched.ReadRecord();
        Assert.True(enriched.IsEmpty);
        Assert.Equal(("o-1", "Ada", "Manual"), (record.Key, record.Value.CustomerName, record.Value.Items[0].ProductName));
        var span = TraceHeaders.Read(record.Headers)!;
        // Two hops: the accepted order is the event's child, the enriched order the accepted order's.
        Assert.Equal(trace.TraceId, span.TraceId);
        Assert.NotEqual(trace.SpanId, span.ParentSpanId);
        Assert.Equal(["o-2", "o-3"], deadLetters.ReadRecordsToList().Select(dead => dead.Key).Order());
    }
}
