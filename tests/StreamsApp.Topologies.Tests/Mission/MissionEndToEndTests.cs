using System.Text;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Views;
using StreamsApp.Topologies.Saga;
using StreamsApp.Topologies.Tests.Participants;
using StreamsApp.Topologies.Tests.Support;
using static StreamsApp.Contracts.Saga.SagaStatus;
using static StreamsApp.Topologies.Tests.Support.SampleOrders;

namespace StreamsApp.Topologies.Tests.Mission;

/// <summary>
/// Every part of the mission in one driver: orders run through intake, enrichment, the saga and the real
/// participants, and the four projections show the outcomes.
/// </summary>
public sealed class MissionEndToEndTests
{
    [Fact]
    public void AHappyOrderCompletesThroughTheParticipantsAndEveryProjectionShowsIt()
    {
        using var mission = new MissionHarness().WithReferenceData();

        mission.Place(Valid("o-1", "e-1", "c-1"));

        Assert.IsType<SagaCompleted>(Assert.Single(mission.ReadOutcomes(), o => o.Key == "o-1").Value);
        Assert.Equal((8, 9, 25.50m), (mission.Available("p-1"), mission.Available("p-2"), mission.Spent("c-1")));
        var view = mission.Views.Get("o-1")!;
        Assert.Equal((COMPLETED, "Ada", 25.50m), (view.Status, view.CustomerName, view.TotalAmount));
        Assert.Equal([STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPLETED], view.Timeline.Select(step => step.Status));
        Assert.Equal(["Manual", "Pen"], view.Items.Select(item => item.ProductName));
        var summary = mission.Summary("c-1")!;
        Assert.Equal((1, 1, 0, 25.50m), (summary.OrdersPlaced, summary.OrdersCompleted, summary.OrdersFailed, summary.TotalSpent));
        var manual = Assert.Single(SalesOf(mission, "p-1"));
        Assert.Equal(("Manual", 2, 1, 20.00m), (manual.ProductName, manual.UnitsSold, manual.OrderCount, manual.Revenue));
        Assert.Equal(1, mission.Sagas(COMPLETED));
        Assert.All([STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPENSATING, FAILED], status => Assert.Equal(0, mission.Sagas(status)));
    }

    [Fact]
    public void EachFailurePathEndsFailedWithItsCompensationsAndTheProjectionsCountIt()
    {
        using var mission = new MissionHarness().WithReferenceData();
        var antarctica = Valid("o-aq", "e-aq", "c-1");
        antarctica.ShippingAddress.Country = "AQ";

        mission.Place(MissionHarness.Order("o-unknown", "c-1", Item("p-x", 1, 10m)));
        mission.Place(MissionHarness.Order("o-short", "c-1", Item("p-1", 11, 10m)));
        mission.Place(MissionHarness.Order("o-credit", "c-poor", Item("p-1", 2, 10m)));
        mission.Place(antarctica);
        mission.Place(Valid("o-ok", "e-ok", "c-1"));

        var outcomes = mission.ReadOutcomes();
        Assert.IsType<SagaCompleted>(outcomes["o-ok"]);
        AssertFailed(outcomes["o-unknown"], "stock: p-x: unknown product");
        AssertFailed(outcomes["o-short"], "stock: p-1: insufficient stock");
        AssertFailed(outcomes["o-credit"], "payment: insufficient credit", SagaCompensation.RELEASE_STOCK);
        AssertFailed(outcomes["o-aq"], "shipping: country AQ is not served", SagaCompensation.REFUND_PAYMENT, SagaCompensation.RELEASE_STOCK);
        // Only the completed order holds stock and money: every compensation gave back what its saga took.
        Assert.Equal((8, 9, 25.50m, 0m), (mission.Available("p-1"), mission.Available("p-2"), mission.Spent("c-1"), mission.Spent("c-poor")));

        Assert.Equal([STARTED, FAILED], mission.Views.Get("o-unknown")!.Timeline.Select(step => step.Status));
        var credit = mission.Views.Get("o-credit")!;
        Assert.Equal([STARTED, STOCK_RESERVED, COMPENSATING, FAILED], credit.Timeline.Select(step => step.Status));
        Assert.StartsWith("payment: insufficient credit", credit.Timeline[^1].Detail, StringComparison.Ordinal);
        Assert.Equal([STARTED, STOCK_RESERVED, PAYMENT_DONE, COMPENSATING, FAILED], mission.Views.Get("o-aq")!.Timeline.Select(step => step.Status));
        var ada = mission.Summary("c-1")!;
        Assert.Equal((4, 1, 3, 25.50m), (ada.OrdersPlaced, ada.OrdersCompleted, ada.OrdersFailed, ada.TotalSpent));
        var bob = mission.Summary("c-poor")!;
        Assert.Equal((1, 0, 1, 0m), (bob.OrdersPlaced, bob.OrdersCompleted, bob.OrdersFailed, bob.TotalSpent));
        Assert.Equal((2, 1), (Assert.Single(SalesOf(mission, "p-1")).UnitsSold, Assert.Single(SalesOf(mission, "p-1")).OrderCount));
        Assert.Empty(SalesOf(mission, "p-x"));
        Assert.Equal((1, 4, 0), (mission.Sagas(COMPLETED), mission.Sagas(FAILED), mission.Sagas(COMPENSATING)));
    }

    [Fact]
    public void TwoOrdersForTheLastUnitOnDifferentPartitionsGetItOnce()
    {
        using var mission = new MissionHarness().WithReferenceData(units: 1);
        var (first, second) = ParticipantHarness.OrdersOnDifferentPartitions();

        mission.Place(MissionHarness.Order(first, "c-1", Item("p-1", 1, 10m)));
        mission.Place(MissionHarness.Order(second, "c-1", Item("p-1", 1, 10m)));

        var outcomes = mission.ReadOutcomes();
        Assert.IsType<SagaCompleted>(outcomes[first]);
        AssertFailed(outcomes[second], "stock: p-1: insufficient stock");
        Assert.Equal(0, mission.Available("p-1"));
        Assert.Equal((1, 1), (Assert.Single(SalesOf(mission, "p-1")).UnitsSold, Assert.Single(SalesOf(mission, "p-1")).OrderCount));
        Assert.Equal((2, 1, 1), (mission.Summary("c-1")!.OrdersPlaced, mission.Sagas(COMPLETED), mission.Sagas(FAILED)));
    }

    [Fact]
    public void ADuplicateOrderEventIsProcessedOnce()
    {
        using var mission = new MissionHarness().WithReferenceData();

        mission.Place(Valid("o-1", "e-1", "c-1"));
        mission.Place(Valid("o-1", "e-1", "c-1"));

        Assert.Single(mission.Outcomes.ReadRecordsToList());
        Assert.Equal((8, 25.50m), (mission.Available("p-1"), mission.Spent("c-1")));
        Assert.Equal(5, mission.Views.Get("o-1")!.Timeline.Count);
        Assert.Equal((1, 25.50m), (mission.Summary("c-1")!.OrdersPlaced, mission.Summary("c-1")!.TotalSpent));
        Assert.Equal(1, Assert.Single(SalesOf(mission, "p-1")).OrderCount);
        Assert.Equal(1, mission.Sagas(COMPLETED));
    }

    [Fact]
    public void PoisonOrdersGoToTheDeadLetterTopicWhileTheRestFlows()
    {
        using var mission = new MissionHarness().WithReferenceData();
        var noItems = Valid("o-empty", "e-empty", "c-1");
        noItems.Items = [];

        mission.RawOrders.PipeInput("o-garbage", Encoding.UTF8.GetBytes("not an order"), PlacedAt);
        mission.Place(noItems);
        mission.Place(Valid("o-1", "e-1", "c-1"));

        Assert.Equal(["o-empty", "o-garbage"], mission.DeadOrders.ReadRecordsToList().Select(dead => dead.Key).Order(StringComparer.Ordinal));
        Assert.IsType<SagaCompleted>(Assert.Single(mission.ReadOutcomes()).Value);
        Assert.Equal(["o-1"], mission.Views.All().Select(view => view.Key));
        Assert.Equal(1, mission.Summary("c-1")!.OrdersPlaced);
    }

    [Fact]
    public void PurgingFinishedSagasFromTheOrchestratorLeavesTheProjectionsAsTheyWere()
    {
        using var mission = new MissionHarness().WithReferenceData();
        mission.Place(Valid("o-1", "e-1", "c-1"));
        mission.Place(MissionHarness.Order("o-unknown", "c-1", Item("p-x", 1, 10m)));

        mission.AdvanceWallClockTime(new SagaOptions().FinishedSagaRetention);

        Assert.Empty(mission.SagaStore.All().Select(saga => saga.Key));
        Assert.Equal((1, 1), (mission.Sagas(COMPLETED), mission.Sagas(FAILED)));
        Assert.Equal(COMPLETED, mission.Views.Get("o-1")!.Status);
        Assert.Equal((2, 1, 1), (mission.Summary("c-1")!.OrdersPlaced, mission.Summary("c-1")!.OrdersCompleted, mission.Summary("c-1")!.OrdersFailed));
    }

    private static void AssertFailed(ISagaEvent outcome, string reason, params SagaCompensation[] compensations)
    {
        var failed = Assert.IsType<SagaFailed>(outcome);
        Assert.StartsWith(reason, failed.Reason, StringComparison.Ordinal);
        Assert.Equal(compensations, failed.Compensations);
    }

    private static IReadOnlyList<ProductSalesPerHour> SalesOf(MissionHarness mission, string productId) => mission.Sales(productId, PlacedAt);
}
