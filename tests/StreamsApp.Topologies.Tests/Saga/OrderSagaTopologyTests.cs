using StreamsApp.Streams;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Dsl;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Saga;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>The orchestrator's shape: one sub-topology, so that a saga's order and replies meet its stores in one task.</summary>
public sealed class OrderSagaTopologyTests
{
    [Fact]
    public void Orders_and_replies_feed_one_processor_owning_both_stores_and_writing_every_saga_topic()
    {
        var builder = new StreamsBuilder();
        OrderSagaTopology.AddTo(builder, new ContractSerdes(new InMemorySchemaRegistry()));

        var subtopology = Assert.Single(builder.Build().Describe().Subtopologies);

        var nodes = subtopology.Nodes;
        Assert.Equal(
            [Topics.InventoryReplies, Topics.OrdersAccepted, Topics.PaymentReplies, Topics.ShippingReplies],
            nodes.Where(node => node.Kind == TopologyDescription.NodeKind.Source).SelectMany(node => node.Topics).Order(StringComparer.Ordinal));
        Assert.Equal(
            [SagaStores.Schedule, SagaStores.State, SagaStores.Trace],
            nodes.Single(node => node.Name == OrderSagaTopology.ProcessorName).Stores.Order(StringComparer.Ordinal));
        Assert.Equal(
            [Topics.InventoryCommands, Topics.PaymentCommands, Topics.SagaDeadLetter, Topics.SagaEvents, Topics.SagaState, Topics.ShippingCommands],
            nodes.Where(node => node.Kind == TopologyDescription.NodeKind.Sink).SelectMany(node => node.Topics).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0, 1_000, 1, nameof(SagaOptions.Timeout))]
    [InlineData(60_000, 0, 1, nameof(SagaOptions.TimeoutScanInterval))]
    [InlineData(60_000, 1_000, 0, nameof(SagaOptions.FinishedSagaRetention))]
    [InlineData(60_000, 1_000, -1, nameof(SagaOptions.FinishedSagaRetention))]
    public void A_timeout_or_retention_that_is_not_positive_or_a_scan_interval_under_a_millisecond_is_rejected_by_name(
        int timeoutMs, int scanIntervalMs, int retentionMs, string badOption)
    {
        var options = new SagaOptions
        {
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
            TimeoutScanInterval = TimeSpan.FromMilliseconds(scanIntervalMs),
            FinishedSagaRetention = TimeSpan.FromMilliseconds(retentionMs),
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => OrderSagaTopology.AddTo(new StreamsBuilder(), new ContractSerdes(new InMemorySchemaRegistry()), options));

        Assert.Equal(badOption, error.ParamName);
    }
}
