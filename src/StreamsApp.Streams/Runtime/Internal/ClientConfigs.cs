using Confluent.Kafka;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Builds the librdkafka configurations of the runtime's clients: the user's pass-through properties first, then
/// the settings the runtime's correctness depends on, which always win.
/// </summary>
internal static class ClientConfigs
{
    private static readonly HashSet<string> OwnedKeys = new(StringComparer.Ordinal)
    {
        "bootstrap.servers", "group.id", "group.protocol", "group.remote.assignor", "group.instance.id", "partition.assignment.strategy", "enable.auto.commit",
        "enable.auto.offset.store", "isolation.level", "transactional.id", "transaction.timeout.ms", "enable.partition.eof",
    };

    /// <summary>Whether a pass-through property would break the runtime (see <see cref="StreamsConfig.KafkaProperties"/>).</summary>
    public static bool IsOwnedByRuntime(string key) => OwnedKeys.Contains(key);

    /// <summary>
    /// The main consumer of a stream thread: one group per application, range assignment (incremental under the
    /// consumer protocol, eager under the classic one), manual commits, static membership when configured.
    /// </summary>
    public static ConsumerConfig MainConsumer(StreamsConfig config, string clientId, int threadIndex)
    {
        // A resumed partition joins the next fetch only when the one in flight returns; librdkafka's 500 ms long poll
        // would make every resume after back-pressure (and every hop through a repartition topic) wait that long.
        // Statistics every 5 s give the consumer lag per partition (ConsumerLag), parsed only when metrics are read.
        // Assigned partitions start at offsets the thread reads itself (InputPositions); auto.offset.reset
        // applies to an offset out of range.
        var properties = WithDefaults(
            Base(config, clientId, KafkaClientKind.Consumer), ("auto.offset.reset", "earliest"), ("fetch.wait.max.ms", "100"), ("statistics.interval.ms", "5000"));
        var incremental = config.GroupProtocol == GroupProtocol.Consumer;
        if (incremental)
        {
            // The coordinator owns the session and heartbeat under this protocol, and librdkafka refuses the client
            // settings, which KafkaProperties may carry for the classic protocol.
            properties.Remove("session.timeout.ms");
            properties.Remove("heartbeat.interval.ms");
        }

        return new ConsumerConfig(properties)
        {
            GroupId = config.ApplicationId,
            GroupInstanceId = config.GroupInstanceId is { } id ? $"{id}-{threadIndex}" : null,
            GroupProtocol = incremental ? Confluent.Kafka.GroupProtocol.Consumer : Confluent.Kafka.GroupProtocol.Classic,
            // Range, the broker's or the client's, gives partition p of every co-partitioned topic to the same member,
            // which tasks rely on.
            GroupRemoteAssignor = incremental ? "range" : null,
            PartitionAssignmentStrategy = incremental ? null : PartitionAssignmentStrategy.Range,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            IsolationLevel = Isolation(config),
        };
    }

    /// <summary>A consumer that is only assigned partitions (restoration, global topics): it never joins a group.</summary>
    public static ConsumerConfig AssignedConsumer(StreamsConfig config, string clientId) =>
        // Prefetch deeply (still capped by queued.max.messages.kbytes, 64 MiB): with librdkafka's default of 100,000
        // a 400,000-record restore of 4 partitions on the embedded cluster ran at 125,000 records/s instead of
        // 550,000, the consumer waiting on fetches between restore steps. The fetch long poll stays at librdkafka's
        // 500 ms (Kafka's default too): 100 ms, which would let a newly assigned changelog join a fetch sooner, cost
        // bulk restoration about a sixth (bench (d): 623,000-776,000 records/s against 758,000-900,000).
        new(WithDefaults(Base(config, clientId, KafkaClientKind.Consumer), ("queued.min.messages", "1000000")))
        {
            // librdkafka requires a group id even for assign-only use; it is never used to join or commit.
            GroupId = config.ApplicationId + "-restore",
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            IsolationLevel = Isolation(config),
            AllowAutoCreateTopics = false,
        };

    /// <summary>A stream thread's restore consumer: an <see cref="AssignedConsumer"/> that leaves out record headers.</summary>
    public static ConsumerConfig RestoreConsumer(StreamsConfig config, string clientId) =>
        new(AssignedConsumer(config, clientId))
        {
            // Restoration uses key, value, timestamp, topic and offset only. Marshalling each record's headers into
            // .NET cost a third of the restore rate: 440,000-460,000 records/s with them, 630,000-760,000 without
            // (1,000,000 records over 32 partitions on the embedded cluster, bench/RESULTS.md).
            ConsumeResultFields = "topic,timestamp",
        };

    /// <summary>
    /// A stream thread's producer. Exactly-once gives it a transactional id unique to this process and thread;
    /// fencing of zombies comes from the consumer group metadata sent with the offsets (EOS v2).
    /// </summary>
    public static ProducerConfig Producer(StreamsConfig config, string clientId, string? transactionalId)
    {
        // Java's default partitioner for records without a key the engine did not place; a short linger batches.
        // Idempotence (Java's default since Kafka 3.0) keeps retried sends in order and free of duplicates.
        var producer = new ProducerConfig(WithDefaults(
            Base(config, clientId, KafkaClientKind.Producer), ("partitioner", "murmur2_random"), ("linger.ms", "5"), ("enable.idempotence", "true")))
        {
            // Delivery reports carry the offset and error only: copying each record's key and value back into
            // .NET would cost more than producing it.
            DeliveryReportFields = "status",
        };
        if (transactionalId is not null)
        {
            producer.TransactionalId = transactionalId;
            producer.TransactionTimeoutMs = (int)config.TransactionTimeout.TotalMilliseconds;
        }

        return producer;
    }

    /// <summary>The admin client that creates internal topics on a real cluster.</summary>
    public static AdminClientConfig Admin(StreamsConfig config, string clientId) => new(Base(config, clientId, KafkaClientKind.Admin));

    // The pass-through properties that apply to this kind of client, so none logs a warning for another's settings.
    private static Dictionary<string, string> Base(StreamsConfig config, string clientId, KafkaClientKind kind)
    {
        var properties = KafkaClientProperties.For(config.KafkaProperties, kind);
        properties["bootstrap.servers"] = config.BootstrapServers;
        properties["client.id"] = clientId;
        return properties;
    }

    /// <summary>Adds settings the user may override.</summary>
    private static Dictionary<string, string> WithDefaults(Dictionary<string, string> properties, params (string Key, string Value)[] defaults)
    {
        foreach (var (key, value) in defaults)
        {
            properties.TryAdd(key, value);
        }

        return properties;
    }

    private static IsolationLevel Isolation(StreamsConfig config) =>
        config.ProcessingGuarantee == ProcessingGuarantee.ExactlyOnceV2 ? IsolationLevel.ReadCommitted : IsolationLevel.ReadUncommitted;
}
