namespace StreamsApp.Worker.Configuration;

/// <summary>Which Kafka cluster the worker runs on (<c>Kafka:Mode</c>).</summary>
public enum KafkaMode
{
    /// <summary>Its own embedded cluster in the process, with demo data: for a laptop, never for production.</summary>
    Embedded,

    /// <summary>The cluster <c>Streams:BootstrapServers</c> names.</summary>
    Cluster,
}
