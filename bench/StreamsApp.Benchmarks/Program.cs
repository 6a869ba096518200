using System.Globalization;
using BenchmarkDotNet.Running;
using StreamsApp.Benchmarks.Runtime;

// `runtime [records]` runs issue 4's runtime benchmarks on the embedded cluster, e.g.
//   dotnet run -c Release --project bench/StreamsApp.Benchmarks -- runtime 500000
// `runtime-window-cache [records]` compares a windowed count with and without its cache, e.g.
//   dotnet run -c Release --project bench/StreamsApp.Benchmarks -- runtime-window-cache 200000
// Anything else goes to BenchmarkDotNet (filters), e.g.
//   dotnet run -c Release --project bench/StreamsApp.Benchmarks -- --filter '*TopologyTestDriver*'
if (args.Length > 0 && args[0] == "runtime-window-cache")
{
    WindowedCachingThroughput.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000);
    return;
}

if (args.Length > 0 && args[0] == "runtime")
{
    RuntimeThroughput.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(StreamsApp.Benchmarks.RecordsPerSecondConfig).Assembly).Run(args);
