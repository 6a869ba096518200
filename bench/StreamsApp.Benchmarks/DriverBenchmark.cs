using System.Text;
using BenchmarkDotNet.Attributes;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Benchmarks;

/// <summary>
/// The shared frame of the engine benchmarks: one million records through the TopologyTestDriver, one thread. Input
/// is piped as pre-serialized bytes (timestamp = record index in ms) so the figures measure the engine
/// (deserialization, nodes, stores, commits), not the test's own serialization.
/// </summary>
public abstract class DriverBenchmark : IDisposable
{
    /// <summary>How many records one benchmark invocation pipes.</summary>
    protected const int Records = 1_000_000;

    private const int DistinctKeys = 10_000;

    private byte[][] _keys = [];
    private byte[][] _values = [];
    private TopologyTestDriver? _driver;
    private TestInputTopic<byte[], byte[]>? _input;
    private string? _stateDir;

    /// <summary>Records of 10,000 keys, cycling.</summary>
    [GlobalSetup]
    public void GenerateInput()
    {
        _keys = [.. Enumerable.Range(0, Records).Select(i => Encoding.UTF8.GetBytes($"customer-{i % DistinctKeys}"))];
        _values = [.. Enumerable.Range(0, Records).Select(i => Encoding.UTF8.GetBytes($"order-{i}:{i % 97}"))];
    }

    /// <summary>Disposes the iteration's driver and deletes its state directory.</summary>
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

    /// <inheritdoc />
    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>A builder whose stream reads the input topic of strings.</summary>
    protected static IKStream<string, string> Orders(StreamsBuilder builder) =>
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.String()));

    /// <summary>Starts a driver with a fresh state directory over the built topology.</summary>
    protected void Start(StreamsBuilder builder)
    {
        _stateDir = Directory.CreateTempSubdirectory("streamsapp-bench-").FullName;
        _driver = new TopologyTestDriver(builder.Build(), new StreamsConfig { ApplicationId = "bench", StateDir = _stateDir });
        _input = _driver.CreateInputTopic("orders", Serdes.ByteArray(), Serdes.ByteArray());
    }

    /// <summary>Pipes every record.</summary>
    protected void PipeAll()
    {
        var input = _input!;
        for (var i = 0; i < Records; i++)
        {
            input.PipeInput(_keys[i], _values[i], i);
        }
    }
}
