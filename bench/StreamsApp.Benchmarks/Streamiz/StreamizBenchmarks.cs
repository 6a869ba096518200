using BenchmarkDotNet.Attributes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Mock;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.Stream;
using Streamiz.Kafka.Net.Table;

namespace StreamsApp.Benchmarks.Streamiz;

/// <summary>
/// Streamiz.Kafka.Net 1.8.2 running the topologies of our driver benchmarks, through its own TopologyTestDriver, on
/// the same records (<see cref="DriverIterations{TDriver}.Input"/>), with the same kinds of stores: the other half of
/// <c>bench streamiz</c> (<see cref="StreamizComparison"/>). Each benchmark's description is that of ours.
/// </summary>
public class StreamizBenchmarks : DriverIterations<TopologyTestDriver>
{
    private const int Records = RecordCount;
    private static readonly DateTime Epoch = DateTime.UnixEpoch;
    private TestInputTopic<byte[], byte[]>? _input;

    [IterationSetup(Target = nameof(FilterMapValues))]
    public void SetupStateless() => Start(builder => Orders(builder)
        .Filter((_, value, _) => value.Length > 8)
        .MapValues((value, _) => value.Length)
        .To<StringSerDes, Int32SerDes>("order-sizes"));

    [IterationSetup(Target = nameof(CountInMemory))]
    public void SetupCountInMemory() => Start(builder => Orders(builder).GroupByKey().Count(InMemory.As<string, long>("counts")));

    [IterationSetup(Target = nameof(CountRocksDb))]
    public void SetupCountRocksDb() => Start(builder => Orders(builder).GroupByKey().Count(RocksDb.As<string, long>("counts")));

    [IterationSetup(Target = nameof(TumblingWindowCount))]
    public void SetupTumblingWindowCount() => Start(builder => Orders(builder)
        .GroupByKey()
        .WindowedBy(TumblingWindowOptions.Of(TimeSpan.FromMinutes(1)))
        .Count(RocksDbWindows.As<string, long>("window-counts")));

    [IterationSetup(Target = nameof(StreamTableJoin))]
    public void SetupJoin()
    {
        Start(builder =>
        {
            var customers = builder.Table("customers", RocksDb.As<string, string>("customers"));
            Orders(builder).Join(customers, (order, customer) => order + "@" + customer).To("orders-with-customers");
        });
        var table = Driver!.CreateInputTopic<byte[], byte[], ByteArraySerDes, ByteArraySerDes>("customers");
        for (var i = 0; i < KeyCount; i++)
        {
            table.PipeInput(OrderRecords.CustomerKey(i), System.Text.Encoding.UTF8.GetBytes($"name-{i}"), Epoch);
        }
    }

    [Benchmark(OperationsPerInvoke = Records, Description = DriverTopologies.FilterMapValues)]
    public void FilterMapValues() => PipeAll();

    [Benchmark(OperationsPerInvoke = Records, Description = DriverTopologies.CountInMemory)]
    public void CountInMemory() => PipeAll();

    [Benchmark(OperationsPerInvoke = Records, Description = DriverTopologies.CountRocksDb)]
    public void CountRocksDb() => PipeAll();

    [Benchmark(OperationsPerInvoke = Records, Description = DriverTopologies.TumblingWindowCount)]
    public void TumblingWindowCount() => PipeAll();

    [Benchmark(OperationsPerInvoke = Records, Description = DriverTopologies.StreamTableJoin)]
    public void StreamTableJoin() => PipeAll();

    private static IKStream<string, string> Orders(StreamBuilder builder) => builder.Stream<string, string>("orders");

    private void Start(Action<StreamBuilder> topology)
    {
        var builder = new StreamBuilder();
        topology(builder);
        var driver = StartDriver("streamiz-bench-", stateDir =>
            new TopologyTestDriver(builder.Build(), new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = "bench", StateDir = stateDir }));
        _input = driver.CreateInputTopic<byte[], byte[], ByteArraySerDes, ByteArraySerDes>("orders");
    }

    // As ours: every record in order, the record's number as its timestamp in milliseconds.
    private void PipeAll()
    {
        var input = _input!;
        var records = Input;
        for (var i = 0; i < Records; i++)
        {
            input.PipeInput(records.Keys[i], records.Values[i], Epoch.AddMilliseconds(i));
        }
    }
}
