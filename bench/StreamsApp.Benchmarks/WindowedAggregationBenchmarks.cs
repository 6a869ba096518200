using BenchmarkDotNet.Attributes;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.State;

namespace StreamsApp.Benchmarks;

/// <summary>
/// Issue 3's windowed aggregation benchmark: a tumbling one-minute window count of the driver input (10,000 keys over
/// about 17 minutes of timestamps) in a RocksDB window store, cached by default; the driver commits after every
/// record, so the cache forwards and change-logs every update here. See <see cref="DriverBenchmarkBase"/>.
/// </summary>
public class WindowedAggregationBenchmarks : DriverBenchmarkBase
{
    [IterationSetup(Target = nameof(TumblingWindowCount))]
    public void SetupTumblingWindowCount()
    {
        var builder = new StreamsBuilder();
        Orders(builder)
            .GroupByKey()
            .WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMinutes(1)))
            .Count(materialized: Materialized.As<string, long>("window-counts"));
        Start(builder);
    }

    [Benchmark(OperationsPerInvoke = Records, Description = DriverTopologies.TumblingWindowCount)]
    public void TumblingWindowCount() => PipeAll();
}
