using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State.Internal.RocksDb;

namespace StreamsApp.Benchmarks.Runtime;

/// <summary>
/// Issue 4's (d): a <see cref="KafkaStreams"/> instance with a change-logged RocksDB count store starts on an empty
/// state directory and restores a changelog that already holds <see cref="Records"/> distinct keys. The changelog is
/// written directly in the count store's logged format (the key's bytes, the count as an 8-byte Int64, the stored
/// timestamp as the record timestamp), spread over enough partitions to stay under the embedded cluster's 5 MiB per
/// partition. After the instance closes, every task's database is read back, so a partial restore cannot pass.
/// </summary>
internal static class RestorationThroughput
{
    public const int Records = 1_000_000;
    private const int Partitions = 32;
    private const string ApplicationId = "bench-restore";
    private const string Store = "counts";
    private const string Input = "bench-restore-in";
    private const string Changelog = $"{ApplicationId}-{Store}-changelog";

    // A failed stream thread stops restoring: the run fails instead of waiting for ever.
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The restore rate; for comparison, the rate over the whole start (group join included) and the rate at which
    /// a bare consumer reads the same changelog (what restoring could reach if applying records cost nothing).
    /// </summary>
    public readonly record struct Result(
        double RecordsPerSecond, TimeSpan Restoration, double StartToRunningRecordsPerSecond, TimeSpan StartToRunning,
        double BareConsumerRecordsPerSecond);

    public static Result Run(BenchCluster cluster)
    {
        cluster.CreateTopic(Input, Partitions);
        cluster.CreateTopic(Changelog, Partitions);
        FillChangelog(cluster);
        var bare = BareConsumer(cluster);
        var stateDir = Directory.CreateTempSubdirectory("streamsapp-bench-restore-").FullName;
        try
        {
            var (restoration, startToRunning) = Restore(cluster, stateDir);
            Verify(stateDir);
            return new Result(
                Records / restoration.TotalSeconds, restoration, Records / startToRunning.TotalSeconds, startToRunning, bare);
        }
        finally
        {
            Directory.Delete(stateDir, recursive: true);
        }
    }

    private static void FillChangelog(BenchCluster cluster)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers, LingerMs = 20, Partitioner = Partitioner.Murmur2,
        }).Build();
        for (var i = 0; i < Records; i++)
        {
            var message = new Message<byte[], byte[]> { Key = Key(i), Value = Count(i), Timestamp = new Timestamp(i, TimestampType.CreateTime) };
            while (true)
            {
                try
                {
                    producer.Produce(Changelog, message);
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

    /// <summary>Reads the whole changelog with an assigned consumer that does nothing with the records.</summary>
    private static double BareConsumer(BenchCluster cluster)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers, GroupId = "bench-restore-bare", EnableAutoCommit = false,
            // The restore consumer's prefetch depth (ClientConfigs.AssignedConsumer), without which this one would
            // wait on fetches and be no fair measure.
            QueuedMinMessages = 1_000_000,
        }).Build();
        consumer.Assign(Enumerable.Range(0, Partitions).Select(p => new TopicPartitionOffset(Changelog, p, Offset.Beginning)));
        var clock = new Stopwatch();
        for (var read = 0; read < Records;)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not null && read++ == 0)
            {
                clock.Start();
            }
        }

        return Records / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Starts the instance and returns how long restoring took, and how long from start to Running.</summary>
    private static (TimeSpan Restoration, TimeSpan StartToRunning) Restore(BenchCluster cluster, string stateDir)
    {
        var builder = new StreamsBuilder();
        builder.Stream(Input, Consumed.With(Serdes.String(), Serdes.ByteArray()))
            .GroupByKey(Grouped.With(Serdes.String(), Serdes.ByteArray()))
            .Count(materialized: Materialized.As<string, long>(Store));
        using var streams = new KafkaStreams(builder.Build(), new StreamsConfig
        {
            ApplicationId = ApplicationId, BootstrapServers = cluster.BootstrapServers, StateDir = stateDir,
        }, new KafkaStreamsOptions { TopicAdmin = cluster.CreateTopicAdmin(), HandleShutdownSignals = false });
        using var running = new ManualResetEventSlim();
        var started = new Stopwatch();
        var startToRunning = TimeSpan.Zero;
        streams.StateChanged += (_, e) =>
        {
            if (e.NewState == KafkaStreamsState.Running)
            {
                startToRunning = started.Elapsed;
                running.Set();
            }
        };

        // The restore clock runs between the first and the last restored record (restore-total counts them as each
        // batch reaches its store), so the group join before restoration does not count, as in RuntimeThroughput.
        started.Start();
        streams.Start();
        var restoration = new Stopwatch();
        long restored;
        while ((restored = streams.Metrics.Find("restore-total").Sum(s => (long)s.Sum)) < Records)
        {
            if (started.Elapsed > RestoreTimeout)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Restored {restored:N0} of {Records:N0} records in {RestoreTimeout}"));
            }

            if (!restoration.IsRunning && restored > 0)
            {
                restoration.Start();
            }

            Thread.Sleep(5);
        }

        restoration.Stop();
        if (!running.Wait(RestoreTimeout))
        {
            throw new InvalidOperationException("The instance restored everything but did not reach Running");
        }

        return (restoration.Elapsed, startToRunning);
    }

    /// <summary>
    /// Reads every task's database back: the keys must be exactly the ones written, each with its count (stored as
    /// the timestamp's 8 bytes, then the Int64).
    /// </summary>
    private static void Verify(string stateDir)
    {
        var seen = 0;
        foreach (var directory in Directory.EnumerateDirectories(Path.Combine(stateDir, ApplicationId)))
        {
            var store = new RocksDbKeyValueStore(Store);
            store.Open(Path.Combine(directory, "rocksdb", Store), new StreamsConfig().RocksDb);
            try
            {
                foreach (var (key, value) in store.All())
                {
                    var index = int.Parse(key.AsSpan(2), CultureInfo.InvariantCulture);
                    if (!value.AsSpan(8).SequenceEqual(Count(index)))
                    {
                        throw new InvalidOperationException($"Restored key {index} holds the wrong count");
                    }

                    seen++;
                }
            }
            finally
            {
                store.Close();
            }
        }

        if (seen != Records)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Restored {seen:N0} keys, wrote {Records:N0}"));
        }
    }

    private static byte[] Key(int i) => System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"r-{i:D7}"));

    private static byte[] Count(int i)
    {
        var value = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(value, (i % 100) + 1);
        return value;
    }
}
