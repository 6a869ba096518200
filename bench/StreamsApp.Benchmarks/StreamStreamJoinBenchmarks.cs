using System.Text;
using BenchmarkDotNet.Attributes;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Benchmarks;

/// <summary>
/// A left stream-stream join: one million orders left-joined within one hour with payments of nine in ten customers
/// (one each, at time 0, piped before the measurement), RocksDB join stores, one thread. The unpaid orders wait in the
/// shared outer store for the whole run (their window outlasts it), so this measures what each record costs while
/// unmatched records wait but none can be emitted yet.
/// </summary>
public class StreamStreamJoinBenchmarks : DriverBenchmarkBase
{
    private const int PayingCustomers = DistinctKeys * 9 / 10;

    [IterationSetup(Target = nameof(LeftJoin))]
    public void SetupLeftJoin()
    {
        var builder = new StreamsBuilder();
        var payments = builder.Stream("payments", Consumed.With(Serdes.String(), Serdes.String()));
        Orders(builder)
            .LeftJoin(payments, (order, payment) => order + "/" + (payment ?? "unpaid"), JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromHours(1)))
            .To("orders-with-payments", Produced.With(Serdes.String(), Serdes.String()));
        Start(builder);
        var paymentInput = Driver!.CreateInputTopic("payments", Serdes.ByteArray(), Serdes.ByteArray());
        for (var i = 0; i < PayingCustomers; i++)
        {
            paymentInput.PipeInput(CustomerKey(i), Encoding.UTF8.GetBytes($"payment-{i}"), 0);
        }
    }

    [Benchmark(OperationsPerInvoke = Records, Description = "(3c) left stream-stream join, 1 in 10 orders unmatched")]
    public void LeftJoin() => PipeAll();
}
