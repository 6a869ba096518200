namespace StreamsApp.Worker.Configuration;

/// <summary>Traces and metrics sent out by OpenTelemetry (section <c>Telemetry</c>); <c>/metrics</c> serves Prometheus either way.</summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// The OTLP collector traces and metrics are exported to (<c>http://collector:4317</c> for gRPC,
    /// <c>http://collector:4318</c> for HTTP, where <c>/v1/traces</c> and <c>/v1/metrics</c> are added); empty: none,
    /// and no spans are made.
    /// </summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary>The OTLP transport: <c>Grpc</c> (default, port 4317) or <c>HttpProtobuf</c> (port 4318).</summary>
    public OpenTelemetry.Exporter.OtlpExportProtocol OtlpProtocol { get; set; } = OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;

    /// <summary>How often metrics are exported over OTLP (default one minute).</summary>
    public TimeSpan MetricsExportInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The <c>service.name</c> resource attribute (default <c>streamsapp-worker</c>).</summary>
    public string ServiceName { get; set; } = "streamsapp-worker";
}
