using System.Text;
using BenchmarkDotNet.Attributes;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Benchmarks;

/// <summary>
/// What the TopologyTestDriver benchmarks share: one million pre-serialized order records over ten thousand customer
/// keys, a fresh driver (and state directory) per iteration, and the measured loop that pipes every record into the
/// <c>orders</c> topic. Input is pre-serialized so the figures measure the engine, not the test's own serialization.
/// </summary>
[Config(typeof(RecordsPerSecondConfig))]
public abstract class DriverBenchmarkBase : IDisposable
{
    protected const int Records = 1_000_000;
    protected const int DistinctKeys = 10_000;

    private byte[][] _keys = [];
    private byte[][] _values = [];
    private TestInputTopic<byte[], byte[]>? _input;
    private string? _stateDir;

    protected TopologyTestDriver? Driver { get; private set; }

    [GlobalSetup]
    public void GenerateInput()
    {
        _keys = [.. Enumerable.Range(0, Records).Select(i => CustomerKey(i % DistinctKeys))];
        _values = [.. Enumerable.Range(0, Records).Select(i => Encoding.UTF8.GetBytes($"order-{i}:{i % 97}"))];
    }

    [IterationCleanup]
    public void Cleanup()
    {
        Driver?.Dispose();
        Driver = null;
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

    /// <summary>The input topic as a stream of strings, the way the benchmarked topologies read it.</summary>
    protected static IKStream<string, string> Orders(StreamsBuilder builder) =>
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.String()));

    /// <summary>The serialized key of the customer with this number, as the orders use it.</summary>
    protected static byte[] CustomerKey(int customer) => Encoding.UTF8.GetBytes($"customer-{customer}");

    /// <summary>Starts a driver on the built topology with a fresh state directory.</summary>
    protected void Start(StreamsBuilder builder)
    {
        _stateDir = Directory.CreateTempSubdirectory("streamsapp-bench-").FullName;
        Driver = new TopologyTestDriver(builder.Build(), new StreamsConfig { ApplicationId = "bench", StateDir = _stateDir });
        _input = Driver.CreateInputTopic("orders", Serdes.ByteArray(), Serdes.ByteArray());
    }

    /// <summary>The measured part: every order record, in order, through the driver.</summary>
    protected void PipeAll()
    {
        var input = _input!;
        for (var i = 0; i < Records; i++)
        {
            input.PipeInput(_keys[i], _values[i], i);
        }
    }
}
