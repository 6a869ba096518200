namespace StreamsApp.Worker.Configuration;

/// <summary>Kafka client settings (section <c>Kafka</c>).</summary>
public sealed class KafkaOptions
{
    /// <summary>
    /// librdkafka properties passed to every client as they are (<c>security.protocol</c>, <c>sasl.*</c>, <c>ssl.*</c>, ...),
    /// so the worker can join a secured cluster. Values of secret keys are never printed (<see cref="SecretRedaction"/>).
    /// </summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Partitions of each mission topic the worker creates on the embedded cluster (default 3).</summary>
    public int TopicPartitions { get; set; } = 3;
}
