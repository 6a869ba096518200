using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace StreamsApp.Benchmarks;

/// <summary>
/// One warm-up and three measured iterations of a whole batch each (a batch is far longer than timer noise), a
/// records/s column computed from the mean time per record, and the bytes allocated per record.
/// </summary>
public sealed class RecordsPerSecondConfig : ManualConfig
{
    public RecordsPerSecondConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1));
        AddColumn(new RecordsPerSecondColumn());
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
    }

    private sealed class RecordsPerSecondColumn : IColumn
    {
        public string Id => nameof(RecordsPerSecondColumn);

        public string ColumnName => "Records/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Records processed per second (1 / mean time per record)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            return report?.ResultStatistics is { } stats ? (1e9 / stats.Mean).ToString("N0", style.CultureInfo) : "-";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
