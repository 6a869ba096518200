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
    protected const int Records = RecordCount;
    protected const int DistinctKeys = KeyCount;

    /// <summary>How many records each benchmark pipes.</summary>
    internal const int RecordCount = 1_000_000;

    /// <summary>How many customer keys they spread over.</summary>
    internal const int KeyCount = 10_000;

    private TestInputTopic<byte[], byte[]>? _input;
    private string? _stateDir;

    protected TopologyTestDriver? Driver { get; private set; }

    /// <summary>The order records every driver benchmark pipes, ours and Streamiz's alike.</summary>
    internal static OrderRecords Input { get; } = new(Records, DistinctKeys);

    /// <summary>Makes the input before anything is measured.</summary>
    [GlobalSetup]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet calls setups on the benchmark instance")]
    public void GenerateInput() => _ = Input.Keys;

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
    protected static byte[] CustomerKey(int customer) => OrderRecords.CustomerKey(customer);

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
            input.PipeInput(Input.Keys[i], Input.Values[i], i);
        }
    }
}
