using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Console;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests.Console;

public sealed class ProgressLineTests
{
    private static readonly SagaOutcomes Sagas = new(Options.Create(new WorkerOptions()), null!, NullLogger<SagaOutcomes>.Instance);

    [Fact]
    public void TheLineShowsTheLagAndTheSagaStatesInUse()
    {
        var line = ProgressLine.Format(
            KafkaStreamsState.Running, 12.5, 1000, 37, Sagas, new Dictionary<string, long> { ["COMPLETED"] = 4, ["STARTED"] = 0, ["FAILED"] = 2 });

        Assert.Contains("12.5 records/s", line, StringComparison.Ordinal);
        Assert.Contains("lag 37", line, StringComparison.Ordinal);
        Assert.EndsWith("; by state: COMPLETED=4 FAILED=2", line, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutReadableStatesTheLineEndsWithTheOutcomes()
    {
        var line = ProgressLine.Format(KafkaStreamsState.Rebalancing, 0, 0, 0, Sagas, states: null);

        Assert.EndsWith("0 timed out", line, StringComparison.Ordinal);
    }
}
