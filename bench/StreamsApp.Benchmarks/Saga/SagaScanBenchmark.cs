using System.Diagnostics;
using System.Globalization;
using StreamsApp.Contracts.Common;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Saga;

namespace StreamsApp.Benchmarks.Saga;

/// <summary>
/// Issue 15's timeout-scan benchmark: the order saga in the test driver (RocksDB stores), filled with that many
/// running sagas, none due; then the wall clock moves one scan interval at a time, and each move runs one timeout
/// punctuation, which is timed. As a reference from the same run, one read of the whole saga store, what each scan
/// cost before the schedule. The target is a punctuation time that stays flat as the stored sagas grow.
/// </summary>
internal static class SagaScanBenchmark
{
    private const int Scans = 50;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SagaOptions Options = new() { Timeout = TimeSpan.FromDays(1), TimeoutScanInterval = TimeSpan.FromSeconds(1) };

    public static void Run(IReadOnlyList<int> storedCounts)
    {
        Console.WriteLine("stored sagas  punctuation median (ms)  max (ms)  full store read (ms)  read / punctuation");
        foreach (var stored in storedCounts)
        {
            var (median, max, fullRead) = Measure(stored);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stored,12:N0}  {median,23:F3}  {max,8:F3}  {fullRead,19:F1}  {fullRead / median,18:N0}x"));
        }
    }

    private static (double Median, double Max, double FullRead) Measure(int stored)
    {
        var serdes = new ContractSerdes(new InMemorySchemaRegistry());
        var builder = new StreamsBuilder();
        OrderSagaTopology.AddTo(builder, serdes, Options);
        using var driver = new TopologyTestDriver(builder.Build(), new StreamsConfig { ApplicationId = "saga-scan" }, new TopologyTestDriverOptions { InitialWallClockTime = Start });
        var orders = driver.CreateInputTopic(Topics.OrdersAccepted, ContractSerdes.Key, serdes.Value<OrderCreated>());
        for (var i = 0; i < stored; i++)
        {
            orders.PipeInput($"o-{i}", Order($"o-{i}"));
            if (i % 10_000 == 9_999)
            {
                Drain(driver);
            }
        }

        Drain(driver);
        var times = new List<double>();
        for (var scan = 0; scan < Scans; scan++)
        {
            var watch = Stopwatch.StartNew();
            driver.AdvanceWallClockTime(Options.TimeoutScanInterval);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var read = Stopwatch.StartNew();
        var running = driver.GetKeyValueStore<string, SagaState>(SagaStores.State).All().Count(saga => saga.Value.Status == SagaStatus.STARTED);
        if (running != stored)
        {
            throw new InvalidOperationException($"{running} of {stored} sagas are running: a scan timed some out");
        }

        var fullRead = read.Elapsed.TotalMilliseconds;
        times.Sort();
        return (times[times.Count / 2], times[^1], fullRead);
    }

    // The driver keeps every record produced; reading them as bytes keeps the memory flat.
    private static void Drain(TopologyTestDriver driver)
    {
        foreach (var topic in driver.ProducedTopicNames.ToList())
        {
            driver.CreateOutputTopic(topic, Serdes.ByteArray(), Serdes.ByteArray()).ReadRecordsToList();
        }
    }

    private static OrderCreated Order(string orderId) => new()
    {
        EventId = "e-" + orderId,
        OrderId = orderId,
        CustomerId = "c-1",
        Timestamp = Start,
        Items = [new OrderItem { ProductId = "p-1", Quantity = 1, Price = 10.00m }],
        TotalAmount = 10.00m,
        Currency = "EUR",
        ShippingAddress = new Address { Recipient = "Ada", Street = "Main St 1", City = "Berlin", PostalCode = "10115", Country = "DE" },
    };
}
