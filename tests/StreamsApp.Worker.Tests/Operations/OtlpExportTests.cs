using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamsApp.Worker.Hosting;
using StreamsApp.Worker.Tests.Api;

namespace StreamsApp.Worker.Tests.Operations;

/// <summary>The worker's OTLP export, received by a collector of the test's own over HTTP.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_an_OTLP_endpoint_the_worker_exports_its_spans_and_instruments()
    {
        var received = new ConcurrentDictionary<string, string>();
        var collectorBuilder = WebApplication.CreateBuilder();
        collectorBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = collectorBuilder.Build();
        collector.MapPost("/otlp/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            // Protobuf keeps strings as UTF-8: names show in the bytes.
            received.AddOrUpdate(signal, _ => Encoding.UTF8.GetString(body.ToArray()), (_, seen) => seen + Encoding.UTF8.GetString(body.ToArray()));
            return Results.Ok();
        });
        await collector.StartAsync();
        var address = collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await using var host = await WorkerHost.StartAsync(
            "--demo=true", $"--otlp-endpoint={address}/otlp", "--Telemetry:OtlpProtocol=HttpProtobuf", "--Telemetry:MetricsExportInterval=00:00:00.500");
        await host.WaitUntilReadyAsync();

        Assert.True((await host.PostOrderAsync(OrderFlowTests.GoodOrder("otlp-" + Guid.NewGuid().ToString("N")[..8]))).IsSuccessStatusCode);

        await Wait.UntilAsync(
            () => Task.FromResult(
                received.GetValueOrDefault("traces") is { } traces && traces.Contains("process orders.events", StringComparison.Ordinal)
                && received.GetValueOrDefault("metrics") is { } metrics && metrics.Contains("streamsapp.task.processed", StringComparison.Ordinal)
                && metrics.Contains("streamsapp-worker", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Without_an_endpoint_no_spans_are_made_and_a_bad_one_names_its_key()
    {
        using var app = WorkerApp.Build(["--kafka-mode=Embedded", "--http-url=http://127.0.0.1:0"]);
        Assert.Null(app.Services.GetService<OpenTelemetry.Trace.TracerProvider>());

        var error = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build(["--kafka-mode=Embedded", "--otlp-endpoint=collector:4317"]));
        Assert.Contains("Telemetry:OtlpEndpoint must be an absolute http or https URL", error.Message, StringComparison.Ordinal);
    }
}
