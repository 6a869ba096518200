using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StreamsApp.Streams.Diagnostics;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Operations.Metrics;

namespace StreamsApp.Worker.Operations.Telemetry;

/// <summary>
/// The worker's OpenTelemetry: the engine's instruments, the worker's own (<see cref="WorkerMeter"/>), and ASP.NET
/// Core's, HttpClient's, the runtime's and the process's, served on <c>/metrics</c> for Prometheus and exported
/// through OTLP when <see cref="TelemetryOptions.OtlpEndpoint"/> is set. Spans (the engine's, HTTP in and out) are
/// made and exported only then: with nowhere to send them they would cost for nothing.
/// </summary>
internal static class WorkerTelemetry
{
    public static void AddWorkerTelemetry(this IServiceCollection services, TelemetryOptions options)
    {
        var otlp = options.OtlpEndpoint.Length > 0 ? new Uri(options.OtlpEndpoint) : null;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(StreamsDiagnostics.MeterName, WorkerMeter.Name)
                    // Made when the host starts the meter provider: its instruments exist from then on.
                    .AddInstrumentation(sp => sp.GetRequiredService<WorkerMeter>())
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddProcessInstrumentation()
                    .AddPrometheusExporter();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        (exporter.Endpoint, exporter.Protocol) = (Signal(otlp, options.OtlpProtocol, "metrics"), options.OtlpProtocol);
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.MetricsExportInterval.TotalMilliseconds;
                    });
                }
            });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(StreamsDiagnostics.ActivitySourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(exporter => (exporter.Endpoint, exporter.Protocol) = (Signal(otlp, options.OtlpProtocol, "traces"), options.OtlpProtocol)));
        }
    }

    // An endpoint set in code is used as given: over HTTP each signal has its own path under the collector's address.
    private static Uri Signal(Uri collector, OtlpExportProtocol protocol, string signal) =>
        protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(collector, $"{collector.AbsolutePath.TrimEnd('/')}/v1/{signal}") : collector;
}
