using System.Text.RegularExpressions;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Runtime;
using StreamsApp.Topologies.Projections;
using StreamsApp.Worker.Console;
using static StreamsApp.Contracts.Saga.SagaStatus;

namespace StreamsApp.Worker.Tests.Console;

public sealed class ProgressLineTests
{
    [Fact]
    public void TheLineShowsTheLagTheOutcomesAndEveryStateInFlightInTheOrderSagasReachThem()
    {
        var sagas = new SagaTotals(new Dictionary<SagaStatus, long> { [FAILED] = 2, [SHIPPED] = 5, [COMPLETED] = 4, [COMPENSATING] = 1 }, 3, DateTimeOffset.UnixEpoch);

        var line = ProgressLine.Format(KafkaStreamsState.Running, 12.5, 1000, 37, sagas);

        Assert.Contains("12.5 records/s", line, StringComparison.Ordinal);
        Assert.Contains("lag 37  sagas: 4 completed, 2 failed, 3 timed out", line, StringComparison.Ordinal);
        Assert.EndsWith("; in flight: STARTED=0 STOCK_RESERVED=0 PAYMENT_DONE=0 SHIPPED=5 COMPENSATING=1", line, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFieldKeepsItsPlaceWhicheverStatesHaveSagasAndInWhateverOrderTheyAreCounted()
    {
        var early = new SagaTotals(new Dictionary<SagaStatus, long> { [STARTED] = 3, [COMPLETED] = 1 }, 0, DateTimeOffset.UnixEpoch);
        var late = new SagaTotals(new Dictionary<SagaStatus, long> { [FAILED] = 1, [COMPENSATING] = 2, [PAYMENT_DONE] = 4, [STARTED] = 0 }, 0, DateTimeOffset.UnixEpoch);

        var shapes = new[] { early, late }
            .Select(s => ProgressLine.Format(KafkaStreamsState.Running, 1, 1, 0, s))
            .Select(line => Regex.Replace(line[line.IndexOf("sagas:", StringComparison.Ordinal)..], "[0-9]+", "#"))
            .ToList();

        Assert.Equal("sagas: # completed, # failed, # timed out; in flight: STARTED=# STOCK_RESERVED=# PAYMENT_DONE=# SHIPPED=# COMPENSATING=#", shapes[0]);
        Assert.Equal(shapes[0], shapes[1]);
    }

    [Fact]
    public void EveryStateIsAnOutcomeOrInFlightOnce() =>
        Assert.Equal(
            Enum.GetValues<SagaStatus>().Order(),
            ProgressLine.InFlight.Append(COMPLETED).Append(FAILED).Order());

    [Fact]
    public void WithoutReadableSagasTheLineEndsWithTheLag()
    {
        var line = ProgressLine.Format(KafkaStreamsState.Rebalancing, 0, 0, 7, sagas: null);

        Assert.EndsWith("lag 7", line, StringComparison.Ordinal);
    }
}
