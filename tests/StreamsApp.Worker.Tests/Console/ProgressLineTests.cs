using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Console;
using StreamsApp.Topologies.Projections;
using static StreamsApp.Contracts.Saga.SagaStatus;

namespace StreamsApp.Worker.Tests.Console;

public sealed class ProgressLineTests
{
    [Fact]
    public void TheLineShowsTheLagTheOutcomesAndTheStatesInUseInTheOrderSagasReachThem()
    {
        var sagas = new SagaTotals(new Dictionary<SagaStatus, long> { [FAILED] = 2, [STARTED] = 0, [COMPLETED] = 4, [COMPENSATING] = 1 }, 3, DateTimeOffset.UnixEpoch);

        var line = ProgressLine.Format(KafkaStreamsState.Running, 12.5, 1000, 37, sagas);

        Assert.Contains("12.5 records/s", line, StringComparison.Ordinal);
        Assert.Contains("lag 37  sagas: 4 completed, 2 failed, 3 timed out", line, StringComparison.Ordinal);
        Assert.EndsWith("; by state: COMPLETED=4 COMPENSATING=1 FAILED=2", line, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutReadableSagasTheLineEndsWithTheLag()
    {
        var line = ProgressLine.Format(KafkaStreamsState.Rebalancing, 0, 0, 7, sagas: null);

        Assert.EndsWith("lag 7", line, StringComparison.Ordinal);
    }
}
