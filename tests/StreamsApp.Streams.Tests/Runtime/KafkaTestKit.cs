using System.Text;
using Confluent.Kafka;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>Raw clients and condition waits for runtime tests on the embedded cluster.</summary>
internal static class KafkaTestKit
{
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A cluster whose new groups rebalance at once (the mock waits 3 s by default).</summary>
    public static EmbeddedKafkaCluster StartCluster() =>
        EmbeddedKafkaCluster.Start(new EmbeddedKafkaClusterOptions
        {
            GroupInitialRebalanceDelay = TimeSpan.Zero,
            ConsumerGroupSessionTimeout = TimeSpan.FromSeconds(6),
            ConsumerGroupHeartbeatInterval = TimeSpan.FromMilliseconds(500),
        });

    /// <summary>
    /// A configuration for an instance on the cluster, with its own state directory. The short session bounds the
    /// mock's occasional stall of a classic-group rebalance (a SyncGroup race) to a few seconds.
    /// </summary>
    public static StreamsConfig Config(EmbeddedKafkaCluster cluster, string applicationId, string stateDir) => new()
    {
        ApplicationId = applicationId,
        BootstrapServers = cluster.BootstrapServers,
        StateDir = stateDir,
        CommitInterval = TimeSpan.FromMilliseconds(100),
        KafkaProperties = { ["session.timeout.ms"] = "6000", ["heartbeat.interval.ms"] = "500" },
    };

    public static KafkaStreamsOptions Options(EmbeddedKafkaCluster cluster, Func<Exception, StreamThreadExceptionResponse>? handler = null) => new()
    {
        TopicAdmin = cluster.CreateTopicAdmin(),
        HandleShutdownSignals = false,
        UncaughtExceptionHandler = handler,
    };

    /// <summary>
    /// Produces string records, keyed partitioning by murmur2 (as the engine does), and waits for acknowledgement.
    /// A <paramref name="timestamp"/> of 0 means "now" to librdkafka, so event times in tests start above 0.
    /// </summary>
    public static void Produce(EmbeddedKafkaCluster cluster, string topic, IEnumerable<(string Key, string Value)> records, long? timestamp = null)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            Partitioner = Partitioner.Murmur2,
        }).Build();
        foreach (var (key, value) in records)
        {
            var message = new Message<string, string> { Key = key, Value = value };
            if (timestamp is { } ts)
            {
                message.Timestamp = new Timestamp(ts, TimestampType.CreateTime);
            }

            producer.Produce(topic, message, report =>
            {
                if (report.Error.IsError)
                {
                    throw new InvalidOperationException(report.Error.Reason);
                }
            });
        }

        Assert.Equal(0, producer.Flush(WaitTimeout));
    }

    /// <summary>Produces raw records to partition 0 (null keys and values included) and waits for acknowledgement.</summary>
    public static void ProduceRaw(EmbeddedKafkaCluster cluster, string topic, IEnumerable<(byte[]? Key, byte[]? Value)> records)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        foreach (var (key, value) in records)
        {
            producer.Produce(new TopicPartition(topic, 0), new Message<byte[]?, byte[]?> { Key = key, Value = value }, report =>
            {
                if (report.Error.IsError)
                {
                    throw new InvalidOperationException(report.Error.Reason);
                }
            });
        }

        Assert.Equal(0, producer.Flush(WaitTimeout));
    }

    /// <summary>Reads a topic from the beginning until <paramref name="done"/> holds for what was read, or fails at the timeout.</summary>
    public static List<ConsumeResult<byte[], byte[]>> ReadUntil(
        EmbeddedKafkaCluster cluster, string topic, Func<IReadOnlyList<ConsumeResult<byte[], byte[]>>, bool> done)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "test-reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var records = new List<ConsumeResult<byte[], byte[]>>();
        var deadline = DateTime.UtcNow + WaitTimeout;
        while (!done(records))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out reading '{topic}': {records.Count} records read");
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } record)
            {
                records.Add(record);
            }
        }

        consumer.Close();
        return records;
    }

    /// <summary>The latest value per key, decoded with <paramref name="value"/>.</summary>
    public static Dictionary<string, T> Latest<T>(IEnumerable<ConsumeResult<byte[], byte[]>> records, Func<byte[], T> value) =>
        records.GroupBy(r => Encoding.UTF8.GetString(r.Message.Key))
            .ToDictionary(g => g.Key, g => value(g.Last().Message.Value));

    public static long Int64(byte[] bytes) => System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes);

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>The offset <paramref name="groupId"/> committed on partition 0 of <paramref name="topic"/>; negative when none.</summary>
    public static long Committed(EmbeddedKafkaCluster cluster, string groupId, string topic)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = groupId,
            EnableAutoCommit = false,
        }).Build();
        return consumer.Committed([new TopicPartition(topic, 0)], WaitTimeout)[0].Offset.Value;
    }

    /// <summary>Checks a condition every 50 ms until it holds; fails after <see cref="WaitTimeout"/>.</summary>
    public static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + WaitTimeout;
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for a condition");
            await ticks.WaitForNextTickAsync();
        }
    }

    /// <summary>A fresh state directory, deleted on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("streamsapp-rt-").FullName;

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
