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
        saga.ReadInventoryCommand();
        saga.PlaceOrder("o-shipping");
        saga.Reply(saga.ReadInventoryCommand(), StockReserved("o-shipping"));
        saga.Reply(saga.ReadPaymentCommand(), PaymentCaptured("o-shipping"));
        saga.Reply(saga.ReadShippingCommand(), ShipmentFailed("o-shipping"));
        saga.ReadInventoryCommand();
        saga.ReadPaymentCommand();
        // Times out waiting for the payment, then a capture comes: FAILED again, with a refund.
        saga.PlaceOrder("o-late");
        saga.Reply(saga.ReadInventoryCommand(), StockReserved("o-late"));
        var charge = saga.ReadPaymentCommand();
        saga.AdvanceWallClockTime(SagaHarness.Timeout);
        saga.Reply(charge, PaymentCaptured("o-late"));

        var paths = saga.States.ReadRecordsToList().GroupBy(state => state.Key, state => state.Value.Status).ToList();

        Assert.Equal(5, paths.Count);
        Assert.All(paths, path => Assert.Equal(path.Order(), path));
        Assert.Equal(5, paths.Single(path => path.Key == "o-late").Count());
    }
}
