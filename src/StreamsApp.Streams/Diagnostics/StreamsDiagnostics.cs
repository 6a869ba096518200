namespace StreamsApp.Streams.Diagnostics;

/// <summary>
/// The names the engine's traces and metrics are published under, for OpenTelemetry's <c>AddSource</c> and
/// <c>AddMeter</c> (or any <see cref="System.Diagnostics.ActivityListener"/> and
/// <see cref="System.Diagnostics.Metrics.MeterListener"/>).
/// </summary>
public static class StreamsDiagnostics
{
    /// <summary>
    /// The <see cref="System.Diagnostics.ActivitySource"/> of the engine's spans: one per record processed
    /// (<c>process {topic}</c>, a consumer span continuing the context in the record's headers), one per record sent
    /// to a topic (<c>send {topic}</c>, a producer span whose context goes into the record's headers) and one per
    /// punctuation (<c>punctuate {processor}</c>). Spans exist only while something listens.
    /// </summary>
    public const string ActivitySourceName = "StreamsApp.Streams";

    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> of the engine's instruments (one meter per
    /// <see cref="Runtime.KafkaStreams"/> instance, disposed with it, so its series end when it closes).
    /// </summary>
    public const string MeterName = "StreamsApp.Streams";
}
