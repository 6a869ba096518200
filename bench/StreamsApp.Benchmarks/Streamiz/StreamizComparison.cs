using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace StreamsApp.Benchmarks.Streamiz;

/// <summary>
/// <c>bench streamiz</c>: our driver benchmarks and Streamiz's (<see cref="StreamizBenchmarks"/>) in one run, then
/// one line per topology with both engines' records/s and bytes allocated per record, and their ratios.
/// </summary>
internal static class StreamizComparison
{
    public static void Run()
    {
        var summaries = BenchmarkRunner.Run(
            [typeof(TopologyTestDriverBenchmarks), typeof(WindowedAggregationBenchmarks), typeof(StreamTableJoinBenchmarks), typeof(StreamizBenchmarks)]);
        var streamiz = Results(summaries.Where(s => IsStreamiz(s)));
        var ours = Results(summaries.Where(s => !IsStreamiz(s)));

        Console.WriteLine();
        Console.WriteLine("| Topology | StreamsApp records/s | Streamiz records/s | speed ratio | StreamsApp B/record | Streamiz B/record | allocation ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (topology, theirs) in streamiz.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (ours.TryGetValue(topology, out var own))
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {topology} | {own.RecordsPerSecond:N0} | {theirs.RecordsPerSecond:N0} | {own.RecordsPerSecond / theirs.RecordsPerSecond:F1}× | {own.BytesPerRecord:N0} | {theirs.BytesPerRecord:N0} | {theirs.BytesPerRecord / Math.Max(own.BytesPerRecord, 1):F1}× fewer |"));
            }
        }
    }

    private static bool IsStreamiz(Summary summary) => summary.BenchmarksCases.All(c => c.Descriptor.Type == typeof(StreamizBenchmarks));

    private static Dictionary<string, (double RecordsPerSecond, double BytesPerRecord)> Results(IEnumerable<Summary> summaries) =>
        summaries.SelectMany(summary => summary.Reports)
            .Where(report => report.ResultStatistics is not null)
            .ToDictionary(
                report => report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                report => (1e9 / report.ResultStatistics!.Mean, (double)report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase).GetValueOrDefault()));
}
