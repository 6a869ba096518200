using static StreamsApp.Contracts.Saga.SagaStatus;

namespace StreamsApp.Topologies.Tests.Projections;

/// <summary>The order view: enriched order and saga states folded per order, in any order, each state once.</summary>
public sealed class OrderViewProjectionTests
{
    [Fact]
    public void TheEnrichedOrderThenEachStateGiveTheViewItsItemsAndOneTimelineEntryPerState()
    {
        using var projections = new ProjectionHarness();

        projections.Place(ProjectionHarness.Order("o-1"));
        var placed = projections.Views.Get("o-1")!;
        projections.Move("o-1", STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPLETED);

        Assert.Equal((STARTED, 0), (placed.Status, placed.Timeline.Count));
        var view = projections.Views.Get("o-1")!;
        Assert.Equal(("o-1", "c-1", "Ada", COMPLETED), (view.OrderId, view.CustomerId, view.CustomerName, view.Status));
        Assert.Equal([STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPLETED], view.Timeline.Select(step => step.Status));
        Assert.Equal(ProjectionHarness.At(SHIPPED), view.Timeline[3].At);
        Assert.All(view.Timeline, step => Assert.Null(step.Detail));
        Assert.Equal([("p-1", "Manual", 2, 20.00m), ("p-2", "Pen", 1, 5.50m)], view.Items.Select(i => (i.ProductId, i.ProductName, i.Quantity, i.LineTotal)));
        Assert.Equal((25.50m, "EUR"), (view.TotalAmount, view.Currency));
        Assert.Equal((ProjectionHarness.Order("o-1").Timestamp, ProjectionHarness.At(COMPLETED)), (view.CreatedAt, view.UpdatedAt));
    }

    [Fact]
    public void StatesBeforeTheEnrichedOrderGiveAViewWithoutItemsThatTheOrderCompletes()
    {
        using var projections = new ProjectionHarness();

        projections.Move("o-1", STARTED, STOCK_RESERVED);
        var early = projections.Views.Get("o-1")!;
        projections.Place(ProjectionHarness.Order("o-1"));

        Assert.Equal((STOCK_RESERVED, "c-1", "", 0, 25.50m), (early.Status, early.CustomerId, early.CustomerName, early.Items.Count, early.TotalAmount));
        var view = projections.Views.Get("o-1")!;
        Assert.Equal((STOCK_RESERVED, "Ada", 2), (view.Status, view.CustomerName, view.Items.Count));
        Assert.Equal([STARTED, STOCK_RESERVED], view.Timeline.Select(step => step.Status));
    }

    [Fact]
    public void AVersionAtOrBelowTheLastAppliedChangesNothing()
    {
        using var projections = new ProjectionHarness();
        projections.Place(ProjectionHarness.Order("o-1"));

        projections.Move("o-1", STARTED, STOCK_RESERVED, STARTED, STOCK_RESERVED);
        // A later version first (a redelivered batch after a crash): the earlier ones are already behind it.
        projections.Move("o-2", PAYMENT_DONE, STARTED, STOCK_RESERVED);

        var view = projections.Views.Get("o-1")!;
        Assert.Equal((STOCK_RESERVED, 2L), (view.Status, view.SagaVersion));
        Assert.Equal([STARTED, STOCK_RESERVED], view.Timeline.Select(step => step.Status));
        var shuffled = projections.Views.Get("o-2")!;
        Assert.Equal((PAYMENT_DONE, 3L), (shuffled.Status, shuffled.SagaVersion));
        Assert.Equal([PAYMENT_DONE], shuffled.Timeline.Select(step => step.Status));
    }

    [Fact]
    public void ANewerVersionInTheSameStateMovesOnlyTheVersion()
    {
        using var projections = new ProjectionHarness();
        projections.Move("o-1", STARTED, STOCK_RESERVED, COMPENSATING);
        var asked = ProjectionHarness.State("o-1", COMPENSATING, ProjectionHarness.At(FAILED), failure: "payment: insufficient credit");
        asked.Version = 10;

        projections.States.PipeInput("o-1", asked, ProjectionHarness.At(FAILED));

        var view = projections.Views.Get("o-1")!;
        Assert.Equal((COMPENSATING, 10L), (view.Status, view.SagaVersion));
        Assert.Equal([STARTED, STOCK_RESERVED, COMPENSATING], view.Timeline.Select(step => step.Status));
    }

    [Fact]
    public void StatesFromBeforeVersionsAddNoEntryTwiceAndNeverMoveTheStatusBack()
    {
        using var projections = new ProjectionHarness();
        foreach (var status in new[] { PAYMENT_DONE, STARTED, STOCK_RESERVED, STARTED })
        {
            var state = ProjectionHarness.State("o-1", status, ProjectionHarness.At(status));
            state.Version = 0;
            projections.States.PipeInput("o-1", state, ProjectionHarness.At(status));
        }

        var view = projections.Views.Get("o-1")!;
        Assert.Equal((PAYMENT_DONE, 0L), (view.Status, view.SagaVersion));
        Assert.Equal([STARTED, STOCK_RESERVED, PAYMENT_DONE], view.Timeline.Select(step => step.Status));
    }

    [Fact]
    public void AFailedOrderShowsItsFailureReasonOnTheCompensatingAndFailedSteps()
    {
        using var projections = new ProjectionHarness();
        projections.Place(ProjectionHarness.Order("o-1"));

        projections.Move("o-1", STARTED, STOCK_RESERVED, COMPENSATING, FAILED, FAILED);

        var view = projections.Views.Get("o-1")!;
        Assert.Equal(FAILED, view.Status);
        Assert.Equal(
            [(STARTED, null), (STOCK_RESERVED, null), (COMPENSATING, "payment: insufficient credit"), (FAILED, "payment: insufficient credit")],
            view.Timeline.Select(step => (step.Status, step.Detail)));
    }
}
