using System.Xml.Linq;
using static StreamsApp.Worker.Tests.Operations.PrometheusText;

namespace StreamsApp.Worker.Tests.Operations;

[Collection(nameof(TelemetryCollection))]
public sealed class OperationsEndpointTests(EmbeddedWorkerFixture fixture) : IClassFixture<EmbeddedWorkerFixture>
{
    [Fact]
    public async Task MetricsAreValidPrometheusTextWithTheEngineSeries()
    {
        // Processing the seeded reference data moves the engine's counters.
        await Wait.UntilAsync(async () => Sum(Parse(await Scrape()), "streamsapp_task_processed_total") > 0, TimeSpan.FromSeconds(15));

        var samples = Parse(await Scrape());

        Assert.Contains(samples, s => s.Name == "streamsapp_client_state" && s.Label("state") == "Running" && s.Value == 1);
        Assert.Equal(1, Sum(samples, "streamsapp_client_state"));
        Assert.Contains(samples, s => s.Name == "streamsapp_task_processed_total" && s.Label("thread_id") is not null && s.Label("task_id") is not null);
        Assert.Contains(samples, s => s.Name == "streamsapp_task_dead_lettered_records_total");
        Assert.Contains(samples, s => s.Name == "streamsapp_saga_outcomes" && s.Label("outcome") == "completed");
        // The host's own: HTTP, runtime and process instruments.
        Assert.Contains(samples, s => s.Name == "http_server_request_duration_seconds_count");
        Assert.Contains(samples, s => s.Name.StartsWith("dotnet_gc_", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Name.StartsWith("process_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OurMetricFamiliesFollowPrometheusNaming()
    {
        // The rules promtool's "check metrics" applies, for the families that are ours; the runtime's and the process's
        // keep OpenTelemetry's semantic-convention names (dotnet_assembly_count is a gauge, and promtool says so).
        var ours = Families(await Scrape()).Where(f => f.Name.StartsWith("streamsapp_", StringComparison.Ordinal)).ToList();

        Assert.Contains(ours, f => f.Type == "counter");
        Assert.Contains(ours, f => f.Type == "histogram");
        Assert.All(ours, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Help), $"{f.Name} has no help text");
            Assert.Matches("^[a-z][a-z0-9_]*$", f.Name);
            Assert.True(f.Type == "counter" == f.Name.EndsWith("_total", StringComparison.Ordinal), $"{f.Name} is a {f.Type}: counters, and only they, end in _total");
            Assert.DoesNotMatch("_(count|sum|bucket)$", f.Name);
            Assert.DoesNotMatch("_(ms|us|microseconds|milliseconds|nanoseconds|minutes|hours|kilobytes|megabytes)(_|$)", f.Name);
        });
    }

    [Fact]
    public async Task MetricsHaveThreadLoopLagStoreSizeAndSagaStateFamilies()
    {
        var order = await fixture.Host.PostOrderAsync(new
        {
            customerId = "c-ada",
            items = new[] { new { productId = "p-book", quantity = 1, price = 12.50m } },
            currency = "EUR",
            shippingAddress = new { recipient = "Ada", street = "Main St 1", city = "Berlin", postalCode = "10115", country = "DE" },
        });
        Assert.True(order.IsSuccessStatusCode);

        // The consumers' statistics (and so the lag) come every 5 s; the saga completes within a few commits.
        List<Sample> samples = [];
        await Wait.UntilAsync(
            async () =>
            {
                samples = Parse(await Scrape());
                // The lag of the order's partition shows once statistics arrive after the thread took its record.
                return Sum(samples, "streamsapp_sagas") > 0 && samples.Any(s => s.Name == "streamsapp_consumer_lag" && s.Label("topic") == "orders.events");
            },
            TimeSpan.FromSeconds(20));

        // Histograms in seconds (records for the poll sizes), per thread.
        foreach (var family in new[] { "poll_duration_seconds", "poll_records", "process_duration_seconds", "commit_duration_seconds" })
        {
            Assert.Contains(samples, s => s.Name == $"streamsapp_thread_{family}_count" && s.Label("thread_id") is not null && s.Value > 0);
            Assert.Contains(samples, s => s.Name == $"streamsapp_thread_{family}_bucket" && s.Label("le") == "+Inf" && s.Value > 0);
        }

        Assert.True(Sum(samples, "streamsapp_thread_processed_total") > 0);
        // One series per sub-topology this instance has tasks of.
        Assert.Equal(
            samples.Where(s => s.Name == "streamsapp_task_processed_total").Select(s => s.Label("task_id")!.Split('_')[0]).ToHashSet(),
            samples.Where(s => s.Name == "streamsapp_subtopology_processed_total").Select(s => s.Label("subtopology")!).ToHashSet());
        Assert.True(Sum(samples, "streamsapp_subtopology_processed_total") > 0);
        var lags = samples.Where(s => s.Name == "streamsapp_consumer_lag").ToList();
        Assert.All(lags, s => Assert.Matches("^\\d+$", s.Label("partition")!));
        Assert.All(lags, s => Assert.True(s.Value >= 0));
        Assert.Contains(samples, s => s.Name == "streamsapp_store_keys"
            && s.Label("store_name") == "projections-saga-counts" && s.Label("task_id") is not null && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "streamsapp_store_live_data_size_bytes" && s.Value >= 0);
        Assert.All(samples.Where(s => s.Name == "streamsapp_sagas"), s => Assert.Matches("^[A-Z_]+$", s.Label("state")!));
        // The outcomes are the finished states' counts, each saga counted once.
        Assert.Equal(Value(samples, "streamsapp_sagas", "state", "COMPLETED"), Value(samples, "streamsapp_saga_outcomes", "outcome", "completed"));
        Assert.Equal(Value(samples, "streamsapp_sagas", "state", "FAILED"), Value(samples, "streamsapp_saga_outcomes", "outcome", "failed"));
    }

    [Fact]
    public async Task TopologyIsDescribedAsTextAndDrawnAsSvg()
    {
        var text = await fixture.Host.Client.GetStringAsync(new Uri("/topology", UriKind.Relative));
        var svg = XDocument.Parse(await fixture.Host.Client.GetStringAsync(new Uri("/topology?format=svg", UriKind.Relative)));
        var html = await fixture.Host.Client.GetStringAsync(new Uri("/topology?format=html", UriKind.Relative));

        Assert.StartsWith("Topologies:", text, StringComparison.Ordinal);
        Assert.Contains("orders.events", text, StringComparison.Ordinal);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(text.Split("Sub-topology:").Length - 1, svg.Descendants(ns + "text").Count(t => t.Value.StartsWith("Sub-topology", StringComparison.Ordinal)));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        var unknown = await fixture.Host.Client.GetAsync(new Uri("/topology?format=png", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("mermaid or dot", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopologyIsWrittenAsMermaidAndDotForDocs()
    {
        var mermaid = await fixture.Host.Client.GetAsync(new Uri("/topology?format=mermaid", UriKind.Relative));
        var dot = await fixture.Host.Client.GetAsync(new Uri("/topology?format=dot", UriKind.Relative));

        Assert.Equal("text/plain", mermaid.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("flowchart TB\n", await mermaid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/vnd.graphviz", dot.Content.Headers.ContentType?.MediaType);
        var dotText = await dot.Content.ReadAsStringAsync();
        Assert.StartsWith("digraph topology {", dotText, StringComparison.Ordinal);
        Assert.Contains("t_orders_events -> n_orders_events_source;", dotText, StringComparison.Ordinal);
    }

    private Task<string> Scrape() => fixture.Host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    private static double Value(IEnumerable<Sample> samples, string name, string label, string value) =>
        samples.Single(s => s.Name == name && s.Label(label) == value).Value;
}
