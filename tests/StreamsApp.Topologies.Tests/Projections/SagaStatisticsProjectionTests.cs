using StreamsApp.Topologies.Tests.Participants;
using static StreamsApp.Contracts.Saga.SagaStatus;

namespace StreamsApp.Topologies.Tests.Projections;

/// <summary>Saga statistics: sagas counted in their current state; a move decrements the old state and increments the new.</summary>
public sealed class SagaStatisticsProjectionTests
{
    [Fact]
    public void ASagaMovingOnLeavesItsOldStateAndEntersTheNewOne()
    {
        using var projections = new ProjectionHarness();

        projections.Move("o-1", STARTED);
        var started = (projections.Sagas(STARTED), projections.Sagas(STOCK_RESERVED));
        projections.Move("o-1", STOCK_RESERVED);

        Assert.Equal((1, 0), started);
        Assert.Equal((0, 1), (projections.Sagas(STARTED), projections.Sagas(STOCK_RESERVED)));
        var left = projections.Statistics.Get(nameof(STARTED))!;
        Assert.Equal((STARTED, ProjectionHarness.At(STOCK_RESERVED)), (left.Status, left.UpdatedAt));
    }

    [Fact]
    public void SagasOnDifferentPartitionsAreCountedInOneRowPerState()
    {
        using var projections = new ProjectionHarness();
        var (first, second) = ParticipantHarness.OrdersOnDifferentPartitions();

        projections.Move(first, STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPLETED);
        projections.Move(second, STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPLETED);
        projections.Move("o-failed", STARTED, FAILED);

        Assert.Equal(2, projections.Sagas(COMPLETED));
        Assert.Equal(1, projections.Sagas(FAILED));
        Assert.All([STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPENSATING], status => Assert.Equal(0, projections.Sagas(status)));
    }

    [Fact]
    public void RedeliveredOlderStatesDuplicatesAndTombstonesMoveNothing()
    {
        using var projections = new ProjectionHarness();
        projections.Move("o-1", STARTED, STOCK_RESERVED, COMPENSATING, FAILED);

        projections.Move("o-1", STARTED, STOCK_RESERVED, FAILED, FAILED);
        projections.States.PipeInput("o-1", null!);

        Assert.Equal(1, projections.Sagas(FAILED));
        Assert.All([STARTED, STOCK_RESERVED, COMPENSATING], status => Assert.Equal(0, projections.Sagas(status)));
    }
}
