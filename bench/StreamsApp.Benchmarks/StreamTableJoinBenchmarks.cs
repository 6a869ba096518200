using System.Text;
using BenchmarkDotNet.Attributes;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Benchmarks;

/// <summary>
/// Issue 3's stream-table join benchmark: one million orders joined by customer key against a table of ten thousand
/// customers (loaded before the measurement, so every order finds its row), RocksDB-backed table, one thread.
/// </summary>
public class StreamTableJoinBenchmarks : DriverBenchmarkBase
{
    [IterationSetup(Target = nameof(StreamTableJoin))]
    public void SetupJoin()
    {
        var builder = new StreamsBuilder();
        var strings = Consumed.With(Serdes.String(), Serdes.String());
        var customers = builder.Table("customers", strings);
        builder.Stream("orders", strings)
            .Join(customers, (order, customer) => order + "@" + customer)
            .To("orders-with-customers", Produced.With(Serdes.String(), Serdes.String()));
        Start(builder);
        var table = Driver!.CreateInputTopic("customers", Serdes.ByteArray(), Serdes.ByteArray());
        for (var i = 0; i < DistinctKeys; i++)
        {
            table.PipeInput(CustomerKey(i), Encoding.UTF8.GetBytes($"name-{i}"), 0);
        }
    }

    [Benchmark(OperationsPerInvoke = Records, Description = DriverTopologies.StreamTableJoin)]
    public void StreamTableJoin() => PipeAll();
}
