using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Benchmarks.Runtime;

/// <summary>
/// Issue 4's runtime benchmarks on one embedded cluster, in one run, so that the figures compare: (a) a raw
/// Confluent.Kafka consume→produce loop, (b) the same stateless pipeline through <see cref="KafkaStreams"/>, (c) a
/// stateful count with a changelog, (d) restoration of a changelog into RocksDB (<see cref="RestorationThroughput"/>).
/// Rates are taken between the first and the last record seen, so group joins and start-up do not count.
/// </summary>
internal static class RuntimeThroughput
{
    internal const int Partitions = 16;
    internal const string Input = "bench-in";

    public static void Run(int records)
    {
        using var cluster = BenchCluster.Embedded();
        cluster.CreateTopic(Input, Partitions);
        foreach (var topic in new[] { "out-raw", "out-streams", "out-count" })
        {
            cluster.CreateTopic(topic, Partitions);
        }

        Fill(cluster, Input, records);
        using var watermarks = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "bench-watch" }).Build();
        var rawLoop = Task.Run(() => RawLoop(cluster, Input, "out-raw", records));
        var raw = Measure(records, () => Watermarks(watermarks, "out-raw"));
        rawLoop.GetAwaiter().GetResult();
        var streams = Streams(cluster, records, "bench-stateless", b => b.Stream(Input, Consumed.With(Serdes.ByteArray(), Serdes.ByteArray()))
            .To("out-streams", Produced.With(Serdes.ByteArray(), Serdes.ByteArray())), () => Watermarks(watermarks, "out-streams"));
        var count = Streams(cluster, records, "bench-count", b => b.Stream(Input, Consumed.With(Serdes.String(), Serdes.ByteArray()))
            .GroupByKey(Grouped.With(Serdes.String(), Serdes.ByteArray()))
            .Count(materialized: Materialized.As<string, long>("counts"))
            .ToStream().To("out-count", Produced.With(Serdes.String(), Serdes.Int64())), null);
        var restore = RestorationThroughput.Run(cluster);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records: {records:N0} over {Partitions} partitions"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(a) raw Confluent.Kafka consume->produce loop: {raw:N0} records/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(b) KafkaStreams stream->to:                  {streams:N0} records/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    ratio (b)/(a): {streams / raw:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(c) KafkaStreams count, RocksDB + changelog:  {count:N0} records/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(d) restoration of {RestorationThroughput.Records:N0} changelog records into RocksDB: {restore.RecordsPerSecond:N0} records/s ({restore.Restoration.TotalSeconds:F2} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    start to Running, group join included: {restore.StartToRunningRecordsPerSecond:N0} records/s ({restore.StartToRunning.TotalSeconds:F2} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    bare consumer reading the same changelog:  {restore.BareConsumerRecordsPerSecond:N0} records/s"));
    }

    /// <summary>Produces <paramref name="records"/> 20-byte records over 10,000 keys to <paramref name="topic"/>.</summary>
    internal static void Fill(BenchCluster cluster, string topic, int records)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers, LingerMs = 20, Partitioner = Partitioner.Murmur2,
        }).Build();
        var value = new byte[20];
        for (var i = 0; i < records; i++)
        {
            var key = System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"key-{i % 10_000}"));
            while (true)
            {
                try
                {
                    producer.Produce(topic, new Message<byte[], byte[]> { Key = key, Value = value });
                    break;
                }
                catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }

        producer.Flush();
    }

    /// <summary>
    /// Consumes <paramref name="input"/> and produces every record to <paramref name="output"/>, as a careful hand-written service would: each
    /// send has a delivery handler (without one a failed delivery goes unnoticed) and, like the engine's producer,
    /// reports carry the status only. A loop without handlers is faster and loses failed records silently.
    /// </summary>
    internal static void RawLoop(BenchCluster cluster, string input, string output, int records)
    {
        long failed = 0;
        Action<DeliveryReport<byte[], byte[]>> onDelivery = report =>
        {
            if (report.Error.IsError)
            {
                Interlocked.Increment(ref failed);
            }
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers, GroupId = cluster.Scoped("bench-raw"), AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers, LingerMs = 5, DeliveryReportFields = "status",
        }).Build();
        consumer.Subscribe(input);
        for (var consumed = 0; consumed < records;)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not { } record)
            {
                continue;
            }

            while (true)
            {
                try
                {
                    producer.Produce(new TopicPartition(output, record.Partition), record.Message, onDelivery);
                    break;
                }
                catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }

            consumed++;
        }

        producer.Flush();
        consumer.Close();
        if (Interlocked.Read(ref failed) > 0)
        {
            throw new InvalidOperationException($"{failed} records of the raw loop were not delivered");
        }
    }

    /// <summary>Records per second between the first and the last record seen by <paramref name="progress"/>.</summary>
    internal static double Measure(int records, Func<long> progress)
    {
        var clock = new Stopwatch();
        while (progress() < records)
        {
            if (!clock.IsRunning && progress() > 0)
            {
                clock.Start();
            }

            Thread.Sleep(5);
        }

        clock.Stop();
        return records / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs a topology over the input until it has processed every record; records per second, first to last.</summary>
    internal static double Streams(
        BenchCluster cluster, int records, string applicationId, Action<StreamsBuilder> build, Func<long>? outputCount,
        TimeSpan? commitInterval = null, ProcessingGuarantee guarantee = ProcessingGuarantee.AtLeastOnce)
    {
        var builder = new StreamsBuilder();
        build(builder);
        var stateDir = Directory.CreateTempSubdirectory("streamsapp-bench-").FullName;
        try
        {
            using var streams = new KafkaStreams(builder.Build(), new StreamsConfig
            {
                ApplicationId = applicationId, BootstrapServers = cluster.BootstrapServers, StateDir = stateDir,
                CommitInterval = commitInterval, ProcessingGuarantee = guarantee,
            }, new KafkaStreamsOptions { TopicAdmin = cluster.CreateTopicAdmin(), HandleShutdownSignals = false });
            streams.Start();
            // The task sensors count records; the thread's sensor of the same name counts poll batches.
            return Measure(records, outputCount ?? (() => streams.Metrics.Find("process-total")
                .Where(s => s.Name.Group == "stream-task-metrics").Sum(s => s.Count)));
        }
        finally
        {
            Directory.Delete(stateDir, recursive: true);
        }
    }

    /// <summary>The sum of a topic's high watermarks: how many records it holds.</summary>
    internal static long Watermarks(IConsumer<byte[], byte[]> consumer, string topic)
    {
        long total = 0;
        for (var p = 0; p < Partitions; p++)
        {
            total += consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(5)).High.Value;
        }

        return total;
    }
}
