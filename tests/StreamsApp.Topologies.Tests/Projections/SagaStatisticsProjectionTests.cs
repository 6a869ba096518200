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
        Assert.Equal(ProjectionHarness.At(STOCK_RESERVED), projections.Totals.UpdatedAt);
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

    [Fact]
    public void ARestartedTaskCountsItsSagasFromTheirRecordsAndGoesOnFromThere()
    {
        var stateDir = Directory.CreateTempSubdirectory("projection-restart-").FullName;
        try
        {
            using (var before = new ProjectionHarness(stateDir: stateDir))
            {
                before.Move("o-1", STARTED, STOCK_RESERVED);
                before.Move("o-2", STARTED, COMPENSATING, FAILED);
            }

            using var after = new ProjectionHarness(stateDir: stateDir);
            var restarted = (after.Sagas(STARTED), after.Sagas(STOCK_RESERVED), after.Sagas(FAILED));
            after.Move("o-1", STOCK_RESERVED, PAYMENT_DONE);

            Assert.Equal((0L, 1L, 1L), restarted);
            Assert.Equal((0L, 1L, 1L), (after.Sagas(STOCK_RESERVED), after.Sagas(PAYMENT_DONE), after.Sagas(FAILED)));
            Assert.Equal(PAYMENT_DONE, after.SagaMarks.Get("o-1")!.Status);
        }
        finally
        {
            Directory.Delete(stateDir, recursive: true);
        }
    }

    [Fact]
    public void ATimedOutSagaIsCountedAsTimedOutOnceAndInEachStateItReaches()
    {
        using var projections = new ProjectionHarness();
        projections.Move("o-1", STARTED, STOCK_RESERVED);
        foreach (var status in new[] { COMPENSATING, COMPENSATING, FAILED })
        {
            var state = ProjectionHarness.State("o-1", status, ProjectionHarness.At(status), failure: "timed out in STOCK_RESERVED");
            state.TimedOut = true;
            projections.States.PipeInput("o-1", state, ProjectionHarness.At(status));
        }

        projections.Move("o-2", STARTED, COMPENSATING, FAILED);

        Assert.Equal((1L, 2L, 0L), (projections.Totals.TimedOut, projections.Sagas(FAILED), projections.Sagas(COMPENSATING)));
    }
}
