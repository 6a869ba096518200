using StreamsApp.Topologies.Tests.Participants;
using static StreamsApp.Contracts.Saga.SagaStatus;

namespace StreamsApp.Topologies.Tests.Projections;

/// <summary>The customer summary: order views re-grouped by customer, each order counted by its current status.</summary>
public sealed class CustomerSummaryProjectionTests
{
    [Fact]
    public void OrdersOnDifferentPartitionsCountForTheirCustomerAsPlacedCompletedAndFailed()
    {
        using var projections = new ProjectionHarness();
        var (first, second) = ParticipantHarness.OrdersOnDifferentPartitions();
        projections.Place(ProjectionHarness.Order(first));
        projections.Place(ProjectionHarness.Order(second));
        projections.Place(ProjectionHarness.Order("o-other", customerId: "c-2"));

        projections.Move(first, STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPLETED);
        var oneCompleted = projections.Summary("c-1")!;
        projections.Move(second, STARTED, STOCK_RESERVED, COMPENSATING, FAILED);

        Assert.Equal((2, 1, 0, 25.50m, "EUR"), (oneCompleted.OrdersPlaced, oneCompleted.OrdersCompleted, oneCompleted.OrdersFailed, oneCompleted.TotalSpent, oneCompleted.Currency));
        var summary = projections.Summary("c-1")!;
        Assert.Equal(("c-1", 2, 1, 1, 25.50m), (summary.CustomerId, summary.OrdersPlaced, summary.OrdersCompleted, summary.OrdersFailed, summary.TotalSpent));
        Assert.Equal(ProjectionHarness.At(FAILED), summary.UpdatedAt);
        Assert.Equal((1, 0, 0m), (projections.Summary("c-2")!.OrdersPlaced, projections.Summary("c-2")!.OrdersCompleted, projections.Summary("c-2")!.TotalSpent));
    }

    [Fact]
    public void RedeliveredStatesAndOrdersCountNothingTwice()
    {
        using var projections = new ProjectionHarness();
        projections.Place(ProjectionHarness.Order("o-1"));
        projections.Move("o-1", STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPLETED);

        projections.Move("o-1", SHIPPED, COMPLETED, COMPLETED);
        projections.Place(ProjectionHarness.Order("o-1"));

        var summary = projections.Summary("c-1")!;
        Assert.Equal((1, 1, 0, 25.50m), (summary.OrdersPlaced, summary.OrdersCompleted, summary.OrdersFailed, summary.TotalSpent));
    }

    [Fact]
    public void AnOrderWhoseStatesArriveBeforeItIsEnrichedIsPlacedOnce()
    {
        using var projections = new ProjectionHarness();

        projections.Move("o-1", STARTED);
        projections.Place(ProjectionHarness.Order("o-1"));
        projections.Move("o-1", STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPLETED);

        var summary = projections.Summary("c-1")!;
        Assert.Equal((1, 1, 25.50m), (summary.OrdersPlaced, summary.OrdersCompleted, summary.TotalSpent));
    }
}
