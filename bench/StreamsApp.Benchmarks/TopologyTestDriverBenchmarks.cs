using BenchmarkDotNet.Attributes;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Benchmarks;

/// <summary>Issue 2's engine benchmarks: stateless operators and a key-value count (see <see cref="DriverBenchmarkBase"/>).</summary>
public class TopologyTestDriverBenchmarks : DriverBenchmarkBase
{
    [IterationSetup(Target = nameof(FilterMapValues))]
    public void SetupStateless()
    {
        var builder = new StreamsBuilder();
        Orders(builder)
            .Filter((_, value) => value.Length > 8)
            .MapValues(value => value.Length)
            .To("order-sizes", Produced.With(Serdes.String(), Serdes.Int32()));
        Start(builder);
    }

    [IterationSetup(Target = nameof(CountInMemory))]
    public void SetupCountInMemory() => Start(CountTopology(Stores.InMemoryKeyValueStore("counts")));

    [IterationSetup(Target = nameof(CountRocksDb))]
    public void SetupCountRocksDb() => Start(CountTopology(Stores.PersistentKeyValueStore("counts")));

    [Benchmark(OperationsPerInvoke = Records, Description = DriverTopologies.FilterMapValues)]
    public void FilterMapValues() => PipeAll();

    [Benchmark(OperationsPerInvoke = Records, Description = DriverTopologies.CountInMemory)]
    public void CountInMemory() => PipeAll();

    [Benchmark(OperationsPerInvoke = Records, Description = DriverTopologies.CountRocksDb)]
    public void CountRocksDb() => PipeAll();

    private static StreamsBuilder CountTopology(IKeyValueBytesStoreSupplier store)
    {
        var builder = new StreamsBuilder();
        Orders(builder)
            .GroupByKey()
            .Count(materialized: Materialized.As<string, long>(store));
        return builder;
    }
}
