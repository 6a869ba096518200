using System.Globalization;
using Confluent.Kafka;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Benchmarks.Runtime;

/// <summary>
/// A tumbling one-minute window count over the runtime on the embedded cluster, with its window store cached (the
/// default) and with caching disabled, in one run so that the ratio compares: the input's timestamps are its produce
/// times, so each key's records mostly fall in one or two windows and the cache coalesces their updates until each
/// commit (every second here, so that commits fall within the measured time) or eviction, where the uncached count
/// forwards and change-logs every update. Each run also reports how many records reached the output topic.
/// </summary>
internal static class WindowedCachingThroughput
{
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(1);

    public static void Run(int records)
    {
        using var cluster = BenchCluster.Embedded();
        cluster.CreateTopic(RuntimeThroughput.Input, RuntimeThroughput.Partitions);
        cluster.CreateTopic("out-cached", RuntimeThroughput.Partitions);
        cluster.CreateTopic("out-uncached", RuntimeThroughput.Partitions);
        RuntimeThroughput.Fill(cluster, RuntimeThroughput.Input, records);
        using var watermarks = new ConsumerBuilder<byte[], byte[]>(
            new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "bench-watch" }).Build();

        var cached = RuntimeThroughput.Streams(cluster, records, "bench-window-cached", b => WindowedCount(b, "out-cached", caching: true), null, CommitInterval);
        var uncached = RuntimeThroughput.Streams(cluster, records, "bench-window-uncached", b => WindowedCount(b, "out-uncached", caching: false), null, CommitInterval);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records: {records:N0} over {RuntimeThroughput.Partitions} partitions, 10,000 keys"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(e) windowed count, cache on:  {cached:N0} records/s, {RuntimeThroughput.Watermarks(watermarks, "out-cached"):N0} records out"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    windowed count, cache off: {uncached:N0} records/s, {RuntimeThroughput.Watermarks(watermarks, "out-uncached"):N0} records out"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    ratio on/off: {cached / uncached:F2}"));
    }

    private static void WindowedCount(StreamsBuilder builder, string output, bool caching)
    {
        var materialized = Materialized.As<string, long>("window-counts");
        builder.Stream(RuntimeThroughput.Input, Consumed.With(Serdes.String(), Serdes.ByteArray()))
            .GroupByKey(Grouped.With(Serdes.String(), Serdes.ByteArray()))
            .WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMinutes(1)))
            .Count(materialized: caching ? materialized : materialized.WithCachingDisabled())
            .ToStream()
            .To(output, Produced.With(WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.FromMinutes(1)), Serdes.Int64()));
    }
}
