using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Benchmarks;

/// <summary>
/// What our TopologyTestDriver benchmarks share beyond <see cref="DriverIterations{TDriver}"/>: the <c>orders</c> input
/// topic and the measured loop that pipes every record into it. Input is pre-serialized so the figures measure the
/// engine, not the test's own serialization.
/// </summary>
public abstract class DriverBenchmarkBase : DriverIterations<TopologyTestDriver>
{
    protected const int Records = RecordCount;
    protected const int DistinctKeys = KeyCount;

    private TestInputTopic<byte[], byte[]>? _input;

    /// <summary>The input topic as a stream of strings, the way the benchmarked topologies read it.</summary>
    protected static IKStream<string, string> Orders(StreamsBuilder builder) =>
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.String()));

    /// <summary>The serialized key of the customer with this number, as the orders use it.</summary>
    protected static byte[] CustomerKey(int customer) => OrderRecords.CustomerKey(customer);

    /// <summary>Starts a driver on the built topology with a fresh state directory.</summary>
    protected void Start(StreamsBuilder builder)
    {
        var driver = StartDriver("streamsapp-bench-", stateDir => new TopologyTestDriver(builder.Build(), new StreamsConfig { ApplicationId = "bench", StateDir = stateDir }));
        _input = driver.CreateInputTopic("orders", Serdes.ByteArray(), Serdes.ByteArray());
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
