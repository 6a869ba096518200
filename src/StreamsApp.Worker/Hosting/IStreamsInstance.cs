using StreamsApp.Streams;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Worker.Hosting;

/// <summary>
/// The worker's one running application instance, for the parts that read it (health, metrics, topology, console,
/// and the interactive-query endpoints, which reach the stores through <see cref="Streams"/>).
/// </summary>
public interface IStreamsInstance
{
    /// <summary>The runtime; null until the hosted service has created it.</summary>
    KafkaStreams? Streams { get; }

    /// <summary>The runtime's state (<see cref="KafkaStreamsState.Created"/> before it exists).</summary>
    KafkaStreamsState State { get; }

    /// <summary>Since when the runtime has lost the Kafka cluster (<see cref="KafkaStreams.ClusterUnreachableSince"/>); null while it reaches it.</summary>
    DateTimeOffset? ClusterUnreachableSince { get; }

    /// <summary>The guarantee in force (after any fall-back to at-least-once on the embedded cluster).</summary>
    ProcessingGuarantee ProcessingGuarantee { get; }

    /// <summary>The engine's metrics registry; null until the runtime exists.</summary>
    StreamsMetrics? Metrics { get; }

    /// <summary>The running topology.</summary>
    Topology Topology { get; }

    /// <summary>The topology's description (Kafka Streams' text format via ToString()).</summary>
    TopologyDescription Description { get; }

    /// <summary>
    /// This instance's host:port for other instances (Kafka Streams' <c>application.server</c>); with <c>Http:Url</c> on
    /// port 0 it is known once the server listens, when the runtime starts (empty before).
    /// </summary>
    string ApplicationServer { get; }
}
