using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Trace;
using StreamsApp.Streams.Diagnostics;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Worker.Hosting;
using StreamsApp.Worker.Tests.Api;

namespace StreamsApp.Worker.Tests.Operations;

/// <summary>
/// Not run beside other tests, nor beside each other: tracer and meter providers listen process-wide, so what a test's
/// exporter or <c>/metrics</c> reads must come from its own worker. Beside other workers of the test process, the
/// metrics tests read stale values (issue 16's note).
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>A saga as OpenTelemetry sees it, through an in-memory exporter: one trace from the HTTP request to the outcome.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class SagaTraceTests
{
    // Every hop of a completed saga: the order, the saga's commands and the participants' replies.
    private static readonly string[] Hops =
    [
        Topics.OrderEvents, Topics.InventoryCommands, Topics.InventoryReplies, Topics.PaymentCommands, Topics.PaymentReplies,
        Topics.ShippingCommands, Topics.ShippingReplies,
    ];

    /// <summary>Spans as the exporter adds them, from several threads, read as snapshots.</summary>
    private sealed class Spans : Collection<Activity>
    {
        public List<Activity> Snapshot()
        {
            lock (this)
            {
                return [.. this];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (this)
            {
                base.InsertItem(index, item);
            }
        }
    }

    [Fact]
    public async Task A_saga_is_one_trace_from_the_http_request_across_every_hop()
    {
        var spans = new Spans();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(StreamsDiagnostics.ActivitySourceName)
            .AddAspNetCoreInstrumentation()
            .AddInMemoryExporter(spans)
            .Build();
        await using var host = await WorkerHost.StartAsync("--demo=true");
        await host.WaitUntilReadyAsync();
        var orderId = "traced-" + Guid.NewGuid().ToString("N")[..8];

        using var response = await host.Client.PostAsJsonAsync(new Uri("/orders?wait=20s", UriKind.Relative), OrderFlowTests.GoodOrder(orderId));

        Assert.Equal("COMPLETED", (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["status"].ToString());
        var request = Assert.Single(spans.Snapshot(), s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") is "/orders");
        var trace = request.TraceId;
        List<Activity> inTrace = [];
        await Wait.UntilAsync(
            () =>
            {
                inTrace = spans.Snapshot().Where(s => s.TraceId == trace).ToList();
                return Task.FromResult(Hops.All(topic => inTrace.Any(s => s.DisplayName == $"process {topic}")));
            },
            TimeSpan.FromSeconds(20));

        // Each hop continues the one before it: a process span's parent is a span of the trace, down to the request.
        var ids = inTrace.Select(s => s.SpanId).ToHashSet();
        Assert.All(inTrace.Where(s => s != request), s => Assert.Contains(s.ParentSpanId, ids));
        Assert.Contains(inTrace, s => s.DisplayName == $"send {Topics.SagaEvents}");
        // The outcome's seed headers name the same trace as its traceparent.
        var outcome = await OrderFlowTests.ReadUntilAsync(host.Get<KafkaConnection>(), Topics.SagaEvents, r => r.Message.Key == orderId);
        Assert.Equal(trace.ToHexString(), TraceHeaders.Read(outcome.Message.Headers)!.TraceId);
        Assert.Contains($"-{trace.ToHexString()}-", Encoding.UTF8.GetString(outcome.Message.Headers.GetLastBytes("traceparent")), StringComparison.Ordinal);
    }
}
