using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line (BenchmarkDotNet filters), e.g.
//   dotnet run -c Release --project bench/StreamsApp.Benchmarks -- --filter '*TopologyTestDriver*'
BenchmarkSwitcher.FromAssembly(typeof(StreamsApp.Benchmarks.RecordsPerSecondConfig).Assembly).Run(args);
