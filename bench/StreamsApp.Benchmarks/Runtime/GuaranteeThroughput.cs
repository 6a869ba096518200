using System.Globalization;
using Confluent.Kafka;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Benchmarks.Runtime;

/// <summary>
/// Issue 12's benchmark: what exactly-once costs against at-least-once, in one run on one cluster — a real one when
/// given its bootstrap address (exactly-once needs one: the embedded cluster runs it at-least-once). It measures
/// (a) a raw Confluent.Kafka consume→produce loop, then a stateless pipeline (stream→to) and a count (RocksDB and
/// changelog, caching on) through <see cref="Streams.Runtime.KafkaStreams"/>, each at-least-once and exactly-once
/// at the same commit interval (exactly-once's default, 100 ms: at-least-once's 30 s would let the count's cache
/// absorb nearly every update, which measures the cache, not the guarantee). Each variant runs three times,
/// interleaved, each time reading the same input afresh; the median is reported. Rates are taken between the first
/// and the last record seen.
/// </summary>
internal static class GuaranteeThroughput
{
    private const int Repetitions = 3;
    private static readonly TimeSpan CommitInterval = TimeSpan.FromMilliseconds(100);

    public static void Run(int records, string? bootstrapServers)
    {
        using var cluster = bootstrapServers is null ? BenchCluster.Embedded() : BenchCluster.Real(bootstrapServers);
        var input = cluster.Scoped("bench-in");
        cluster.CreateTopic(input, RuntimeThroughput.Partitions);
        RuntimeThroughput.Fill(cluster, input, records);

        var rawOutput = Output(cluster, "raw");
        using var watermarks = new ConsumerBuilder<byte[], byte[]>(
            new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = cluster.Scoped("bench-watch") }).Build();
        var rawLoop = Task.Run(() => RuntimeThroughput.RawLoop(cluster, input, rawOutput, records));
        var raw = RuntimeThroughput.Measure(records, () => RuntimeThroughput.Watermarks(watermarks, rawOutput));
        rawLoop.GetAwaiter().GetResult();

        var samples = new Dictionary<(string Pipeline, ProcessingGuarantee Guarantee), List<double>>();
        for (var run = 1; run <= Repetitions; run++)
        {
            // Alternating the order keeps a slow first run (a warming broker) from always landing on one guarantee.
            ProcessingGuarantee[] order = run % 2 == 1
                ? [ProcessingGuarantee.AtLeastOnce, ProcessingGuarantee.ExactlyOnceV2]
                : [ProcessingGuarantee.ExactlyOnceV2, ProcessingGuarantee.AtLeastOnce];
            foreach (var guarantee in order)
            {
                var name = $"{(guarantee == ProcessingGuarantee.AtLeastOnce ? "alos" : "eos")}-{run}";
                var stateless = Output(cluster, $"stateless-{name}");
                Add(samples, ("stateless", guarantee), RuntimeThroughput.Streams(
                    cluster, records, cluster.Scoped($"bench-stateless-{name}"),
                    b => b.Stream(input, Consumed.With(Serdes.ByteArray(), Serdes.ByteArray())).To(stateless, Produced.With(Serdes.ByteArray(), Serdes.ByteArray())),
                    outputCount: null, CommitInterval, guarantee));
                var counts = Output(cluster, $"count-{name}");
                Add(samples, ("count", guarantee), RuntimeThroughput.Streams(
                    cluster, records, cluster.Scoped($"bench-count-{name}"),
                    b => b.Stream(input, Consumed.With(Serdes.String(), Serdes.ByteArray()))
                        .GroupByKey(Grouped.With(Serdes.String(), Serdes.ByteArray()))
                        .Count(materialized: Materialized.As<string, long>("counts"))
                        .ToStream().To(counts, Produced.With(Serdes.String(), Serdes.Int64())),
                    outputCount: null, CommitInterval, guarantee));
            }
        }

        var rates = samples.ToDictionary(entry => entry.Key, entry => entry.Value.Order().ElementAt(Repetitions / 2));
        Console.WriteLine($"on {cluster.Name}: {records.ToString("N0", CultureInfo.InvariantCulture)} records over {RuntimeThroughput.Partitions} partitions; "
            + $"medians of {Repetitions} runs, commit interval {CommitInterval.TotalMilliseconds} ms");
        if (cluster.IsEmbedded)
        {
            Console.WriteLine("exactly-once runs at-least-once on the embedded cluster: give a real broker's bootstrap address to measure it");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(a) raw Confluent.Kafka consume->produce loop: {raw,10:N0} records/s"));
        foreach (var pipeline in new[] { "stateless", "count" })
        {
            var alos = rates[(pipeline, ProcessingGuarantee.AtLeastOnce)];
            var eos = rates[(pipeline, ProcessingGuarantee.ExactlyOnceV2)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {pipeline,-9} at-least-once:              {alos,10:N0} records/s  ({alos / raw:F2} x raw)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {pipeline,-9} exactly-once:               {eos,10:N0} records/s  ({eos / raw:F2} x raw, {eos / alos:F2} x at-least-once)"));
        }
    }

    private static void Add(Dictionary<(string, ProcessingGuarantee), List<double>> samples, (string, ProcessingGuarantee) key, double rate)
    {
        (samples.TryGetValue(key, out var list) ? list : samples[key] = []).Add(rate);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key.Item1} {key.Item2}: {rate:N0} records/s"));
    }

    private static string Output(BenchCluster cluster, string name)
    {
        var topic = cluster.Scoped($"bench-out-{name}");
        cluster.CreateTopic(topic, RuntimeThroughput.Partitions);
        return topic;
    }
}
