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

    /// <summary>Where the engine logs. Default: nowhere.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }
}
