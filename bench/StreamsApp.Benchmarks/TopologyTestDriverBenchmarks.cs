using System.Text;
using BenchmarkDotNet.Attributes;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Benchmarks;

/// <summary>
/// Issue 2's engine benchmarks: one million records through the TopologyTestDriver, one thread. Input is piped as
/// pre-serialized bytes so the figures measure the engine (deserialization, nodes, stores, commits), not the test's
/// own serialization.
/// </summary>
[Config(typeof(RecordsPerSecondConfig))]
public class TopologyTestDriverBenchmarks : IDisposable
{
    private const int Records = 1_000_000;
    private const int DistinctKeys = 10_000;

    private byte[][] _keys = [];
    private byte[][] _values = [];
    private TopologyTestDriver? _driver;
    private TestInputTopic<byte[], byte[]>? _input;
    private string? _stateDir;

    [GlobalSetup]
    public void GenerateInput()
    {
        _keys = [.. Enumerable.Range(0, Records).Select(i => Encoding.UTF8.GetBytes($"customer-{i % DistinctKeys}"))];
        _values = [.. Enumerable.Range(0, Records).Select(i => Encoding.UTF8.GetBytes($"order-{i}:{i % 97}"))];
    }

    [IterationSetup(Target = nameof(FilterMapValues))]
    public void SetupStateless()
    {
        var builder = new StreamsBuilder();
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.String()))
            .Filter((_, value) => value.Length > 8)
            .MapValues(value => value.Length)
            .To("order-sizes", Produced.With(Serdes.String(), Serdes.Int32()));
        Start(builder);
    }

    [IterationSetup(Target = nameof(CountInMemory))]
    public void SetupCountInMemory() => Start(CountTopology(Stores.InMemoryKeyValueStore("counts")));

    [IterationSetup(Target = nameof(CountRocksDb))]
    public void SetupCountRocksDb() => Start(CountTopology(Stores.PersistentKeyValueStore("counts")));

    [Benchmark(OperationsPerInvoke = Records, Description = "(a) Filter+MapValues")]
    public void FilterMapValues() => PipeAll();

    [Benchmark(OperationsPerInvoke = Records, Description = "(b) GroupByKey.Count in memory")]
    public void CountInMemory() => PipeAll();

    [Benchmark(OperationsPerInvoke = Records, Description = "(c) GroupByKey.Count in RocksDB")]
    public void CountRocksDb() => PipeAll();

    [IterationCleanup]
    public void Cleanup()
    {
        _driver?.Dispose();
        _driver = null;
        if (_stateDir is not null)
        {
            Directory.Delete(_stateDir, recursive: true);
            _stateDir = null;
        }
    }

    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    private static StreamsBuilder CountTopology(IKeyValueBytesStoreSupplier store)
    {
        var builder = new StreamsBuilder();
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupByKey()
            .Count(materialized: Materialized.As<string, long>(store));
        return builder;
    }

    private void Start(StreamsBuilder builder)
    {
        _stateDir = Directory.CreateTempSubdirectory("streamsapp-bench-").FullName;
        _driver = new TopologyTestDriver(builder.Build(), new StreamsConfig { ApplicationId = "bench", StateDir = _stateDir });
        _input = _driver.CreateInputTopic("orders", Serdes.ByteArray(), Serdes.ByteArray());
    }

    private void PipeAll()
    {
        var input = _input!;
        for (var i = 0; i < Records; i++)
        {
            input.PipeInput(_keys[i], _values[i], i);
        }
    }
}
