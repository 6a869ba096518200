using System.Globalization;
using BenchmarkDotNet.Running;
using StreamsApp.Benchmarks.Runtime;
using StreamsApp.Benchmarks.Saga;

// `runtime [records]` runs issue 4's runtime benchmarks on the embedded cluster, e.g.
//   dotnet run -c Release --project bench/StreamsApp.Benchmarks -- runtime 500000
// `runtime-window-cache [records]` compares a windowed count with and without its cache, e.g.
//   dotnet run -c Release --project bench/StreamsApp.Benchmarks -- runtime-window-cache 200000
// `runtime-guarantees [records] [bootstrap-servers]` compares exactly-once with at-least-once, on a real cluster when
// given its address (else the embedded one, where exactly-once falls back), e.g.
//   dotnet run -c Release --project bench/StreamsApp.Benchmarks -- runtime-guarantees 2000000 127.0.0.1:9092
// `failover [keys-per-task] [bootstrap-servers]` kills (and closes) one of two instances and measures the other's
// takeover, with and without a standby, under both group protocols, e.g.
//   dotnet run -c Release --project bench/StreamsApp.Benchmarks -- failover 100000
// `saga-scan [stored-sagas ...]` times one timeout punctuation of the order saga with that many sagas stored, e.g.
//   dotnet run -c Release --project bench/StreamsApp.Benchmarks -- saga-scan 1000 100000 1000000
// `streamiz` runs our driver benchmarks and the same topologies on Streamiz.Kafka.Net, and prints both side by side:
//   dotnet run -c Release --project bench/StreamsApp.Benchmarks -- streamiz
// Anything else goes to BenchmarkDotNet (filters), e.g.
//   dotnet run -c Release --project bench/StreamsApp.Benchmarks -- --filter '*TopologyTestDriver*'
if (args.Length > 0 && args[0] == FailoverInstance.VictimCommand)
{
    FailoverInstance.RunVictim(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "failover")
{
    FailoverBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000, args.Length > 2 ? args[2] : null);
    return;
}

if (args.Length > 0 && args[0] == "saga-scan")
{
    SagaScanBenchmark.Run(args.Length > 1 ? [.. args[1..].Select(count => int.Parse(count, CultureInfo.InvariantCulture))] : [1_000, 100_000, 1_000_000]);
    return;
}

if (args.Length > 0 && args[0] == "runtime-window-cache")
{
    WindowedCachingThroughput.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000);
    return;
}

if (args.Length > 0 && args[0] == "runtime-guarantees")
{
    GuaranteeThroughput.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000_000, args.Length > 2 ? args[2] : null);
    return;
}

if (args.Length > 0 && args[0] == "runtime")
{
    RuntimeThroughput.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500_000);
    return;
}

if (args.Length > 0 && args[0] == "streamiz")
{
    StreamsApp.Benchmarks.Streamiz.StreamizComparison.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(StreamsApp.Benchmarks.RecordsPerSecondConfig).Assembly).Run(args);
