using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Views;
using StreamsApp.Topologies.Projections;
using StreamsApp.Topologies.Tests.Support;
using static StreamsApp.Contracts.Saga.SagaStatus;

namespace StreamsApp.Topologies.Tests.Projections;

/// <summary>Hourly product sales: completed orders counted once, per product, in the hour of the order's time.</summary>
public sealed class ProductSalesProjectionTests
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CompletedOrdersAddTheirUnitsAndRevenueToEachProductsHourAndOthersDoNot()
    {
        using var projections = new ProjectionHarness();
        Complete(projections, ProjectionHarness.Order("o-1", placedAt: Hour.AddMinutes(10)));
        Complete(projections, ProjectionHarness.Order("o-2", customerId: "c-2", placedAt: Hour.AddMinutes(50)));
        projections.Place(ProjectionHarness.Order("o-3", placedAt: Hour.AddMinutes(20)));
        projections.Move("o-3", STARTED, FAILED);
        projections.Place(ProjectionHarness.Order("o-4", placedAt: Hour.AddMinutes(30)));
        projections.Move("o-4", STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED);

        var manual = Assert.Single(Windows(projections, "p-1"));
        Assert.Equal(("p-1", "Manual", Hour, Hour.AddHours(1)), (manual.ProductId, manual.ProductName, manual.WindowStart, manual.WindowEnd));
        Assert.Equal((4, 2, 40.00m, "EUR"), (manual.UnitsSold, manual.OrderCount, manual.Revenue, manual.Currency));
        var pen = Assert.Single(Windows(projections, "p-2"));
        Assert.Equal((2, 2, 11.00m), (pen.UnitsSold, pen.OrderCount, pen.Revenue));
    }

    [Fact]
    public void AnOrderAtTheEndOfAnHourBelongsToTheNextHour()
    {
        using var projections = new ProjectionHarness();

        Complete(projections, ProjectionHarness.Order("o-1", placedAt: Hour.AddHours(1).AddMilliseconds(-1)));
        Complete(projections, ProjectionHarness.Order("o-2", placedAt: Hour.AddHours(1)));

        Assert.Equal(
            [(Hour, Hour.AddHours(1), 2L), (Hour.AddHours(1), Hour.AddHours(2), 2L)],
            Windows(projections, "p-1").Select(w => (w.WindowStart, w.WindowEnd, w.UnitsSold)));
    }

    [Fact]
    public void AnOrderIsCountedOnceWhateverIsRedeliveredAndWhicheverInputComesLast()
    {
        using var projections = new ProjectionHarness();
        Complete(projections, ProjectionHarness.Order("o-1", placedAt: Hour));
        projections.Move("o-2", STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPLETED);
        projections.Place(ProjectionHarness.Order("o-2", placedAt: Hour));

        projections.Move("o-1", COMPLETED);
        projections.Place(ProjectionHarness.Order("o-1", placedAt: Hour));
        projections.Place(ProjectionHarness.Order("o-2", placedAt: Hour));

        var manual = Assert.Single(Windows(projections, "p-1"));
        Assert.Equal((4, 2), (manual.UnitsSold, manual.OrderCount));
    }

    [Fact]
    public void AnOrderCompletedAfterItsHourClosedPlusTheGraceIsNotCounted()
    {
        using var projections = new ProjectionHarness(new ProjectionOptions { SalesGrace = TimeSpan.FromMinutes(10) });
        var late = ProjectionHarness.Order("o-late", placedAt: Hour.AddMinutes(59));
        projections.Place(late);

        // Stream time moves to 09:10 with an order of the next hour; the 08:00 hour then takes nothing more.
        Complete(projections, ProjectionHarness.Order("o-next", placedAt: Hour.AddHours(1).AddMinutes(10)));
        projections.Move("o-late", STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPLETED);

        Assert.Equal([Hour.AddHours(1)], Windows(projections, "p-1").Select(w => w.WindowStart));
    }

    [Fact]
    public void OptionsThatCannotWorkAreRejectedByName()
    {
        var grace = Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectionOptions { SalesGrace = TimeSpan.FromSeconds(-1) }.Validate());
        var retention = Assert.Throws<ArgumentOutOfRangeException>(
            () => new ProjectionOptions { SalesGrace = TimeSpan.FromHours(1), SalesRetention = TimeSpan.FromHours(1) }.Validate());

        Assert.Equal(nameof(ProjectionOptions.SalesGrace), grace.ParamName);
        Assert.Equal(nameof(ProjectionOptions.SalesRetention), retention.ParamName);
    }

    private static void Complete(ProjectionHarness projections, EnrichedOrder order)
    {
        projections.Place(order);
        projections.Move(order.OrderId, order.CustomerId, STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPLETED);
    }

    private static IReadOnlyList<ProductSalesPerHour> Windows(ProjectionHarness projections, string productId) => projections.Sales(productId);
}
