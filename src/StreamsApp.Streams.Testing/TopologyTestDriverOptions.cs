namespace StreamsApp.Streams.Testing;

/// <summary>How a <see cref="TopologyTestDriver"/> simulates the cluster around the topology.</summary>
public sealed class TopologyTestDriverOptions
{
    /// <summary>The wall clock's start. Default: the Unix epoch.</summary>
    public DateTimeOffset InitialWallClockTime { get; set; } = DateTimeOffset.UnixEpoch;

    /// <summary>
    /// Partition counts of the topics the test uses, by name. Topics not listed have
    /// <see cref="DefaultPartitions"/>. Repartition topics follow the sub-topology that writes them.
    /// </summary>
    public IDictionary<string, int> TopicPartitions { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Partitions of a topic not listed in <see cref="TopicPartitions"/>. Default 1, as in Kafka Streams' driver.</summary>
    public int DefaultPartitions { get; set; } = 1;

    /// <summary>
    /// Simulates the broker rejecting records: called with the topic and partition of every record the topology
    /// writes (sink, repartition, changelog and dead-letter records); a non-null exception is reported as that
    /// record's failed delivery, at once, and the record is not written. Default: null, every record is accepted.
    /// </summary>
    public Func<string, int, Exception?>? RejectSend { get; set; }

    /// <summary>Where the engine logs. Default: nowhere.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }
}
