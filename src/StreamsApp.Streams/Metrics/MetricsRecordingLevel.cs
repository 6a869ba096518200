namespace StreamsApp.Streams.Metrics;

/// <summary>How much the engine measures (Kafka Streams' <c>metrics.recording.level</c>).</summary>
public enum MetricsRecordingLevel
{
    /// <summary>Thread, task and dropped-record metrics only.</summary>
    Info,

    /// <summary>Also per-store and per-node latencies (costs a clock read per operation).</summary>
    Debug,
}
