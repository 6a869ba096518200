using StreamsApp.Topologies.Tests.Saga;
using static StreamsApp.Topologies.Tests.Saga.SagaReplies;

namespace StreamsApp.Topologies.Tests.Projections;

/// <summary>
/// The projections tell progress from a redelivered state by the order of the status symbols (SagaProgress), which
/// holds only while the orchestrator publishes every saga's states in that order, on every path.
/// </summary>
public sealed class SagaProgressTests
{
    [Fact]
    public void TheOrchestratorPublishesEverySagasStatesInTheOrderOfTheirSymbols()
    {
        using var saga = new SagaHarness();
        saga.PlaceOrder("o-happy");
        saga.Reply(saga.ReadInventoryCommand(), StockReserved("o-happy"));
        saga.Reply(saga.ReadPaymentCommand(), PaymentCaptured("o-happy"));
        saga.Reply(saga.ReadShippingCommand(), ShipmentScheduled("o-happy"));
        saga.PlaceOrder("o-stock");
        saga.Reply(saga.ReadInventoryCommand(), StockFailed("o-stock"));
        saga.PlaceOrder("o-payment");
        saga.Reply(saga.ReadInventoryCommand(), StockReserved("o-payment"));
        saga.Reply(saga.ReadPaymentCommand(), PaymentFailed("o-payment"));
        saga.Reply(saga.ReadInventoryCommand(), StockReleased("o-payment"));
        saga.PlaceOrder("o-shipping");
        saga.Reply(saga.ReadInventoryCommand(), StockReserved("o-shipping"));
        saga.Reply(saga.ReadPaymentCommand(), PaymentCaptured("o-shipping"));
        saga.Reply(saga.ReadShippingCommand(), ShipmentFailed("o-shipping"));
        var refund = saga.ReadPaymentCommand();
        saga.Reply(saga.ReadInventoryCommand(), StockReleased("o-shipping"));
        saga.Reply(refund, PaymentRefunded("o-shipping"));
        // Times out waiting for the payment, then a capture comes: still COMPENSATING, now with a refund too; both
        // confirmed, it fails.
        saga.PlaceOrder("o-late");
        saga.Reply(saga.ReadInventoryCommand(), StockReserved("o-late"));
        var charge = saga.ReadPaymentCommand();
        saga.AdvanceWallClockTime(SagaHarness.Timeout);
        var release = saga.ReadInventoryCommand();
        saga.Reply(charge, PaymentCaptured("o-late"));
        saga.Reply(release, StockReleased("o-late"));
        saga.Reply(saga.ReadPaymentCommand(), PaymentRefunded("o-late"));

        var paths = saga.States.ReadRecordsToList().GroupBy(state => state.Key, state => state.Value.Status).ToList();

        Assert.Equal(5, paths.Count);
        Assert.All(paths, path => Assert.Equal(path.Order(), path));
        // STARTED, STOCK_RESERVED, COMPENSATING (timed out, then the refund added, then the release confirmed), FAILED.
        Assert.Equal(6, paths.Single(path => path.Key == "o-late").Count());
    }
}
