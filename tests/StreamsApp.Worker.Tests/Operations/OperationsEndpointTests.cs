using System.Xml.Linq;

namespace StreamsApp.Worker.Tests.Operations;

public sealed class OperationsEndpointTests(EmbeddedWorkerFixture fixture) : IClassFixture<EmbeddedWorkerFixture>
{
    [Fact]
    public async Task MetricsAreValidPrometheusTextWithTheEngineSeries()
    {
        // Processing the seeded reference data moves the engine's counters.
        await Wait.UntilAsync(async () => Sum(Parse(await Scrape()), "streamsapp_stream_task_process_total") > 0, TimeSpan.FromSeconds(15));

        var samples = Parse(await Scrape());

        Assert.Contains(samples, s => s.Name == "streamsapp_state" && s.Labels.Contains("state=\"Running\"", StringComparison.Ordinal) && s.Value == 1);
        Assert.Contains(samples, s => s.Name == "streamsapp_stream_task_process_total" && s.Labels.Contains("thread_id=", StringComparison.Ordinal) && s.Labels.Contains("task_id=", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Name == "streamsapp_stream_task_dead_letter_records_total");
        Assert.Contains(samples, s => s.Name == "streamsapp_saga_outcomes" && s.Labels.Contains("outcome=\"completed\"", StringComparison.Ordinal));
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
                return Sum(samples, "streamsapp_sagas") > 0 && samples.Any(s => s.Name == "streamsapp_consumer_fetch_manager_records_lag"
                    && s.Labels.Contains("topic=\"orders.events\"", StringComparison.Ordinal));
            },
            TimeSpan.FromSeconds(20));

        foreach (var family in new[] { "poll_latency", "poll_records", "process_latency", "commit_latency" })
        {
            Assert.Contains(samples, s => s.Name == $"streamsapp_stream_thread_{family}_count" && s.Labels.Contains("thread_id=", StringComparison.Ordinal) && s.Value > 0);
            Assert.Contains(samples, s => s.Name == $"streamsapp_stream_thread_{family}_max" && s.Value > 0);
        }

        Assert.True(Sum(samples, "streamsapp_stream_thread_process_total") > 0);
        Assert.True(Sum(samples, "streamsapp_subtopology_process_total") >= Sum(samples, "streamsapp_stream_thread_process_total"));
        var lags = samples.Where(s => s.Name == "streamsapp_consumer_fetch_manager_records_lag").ToList();
        Assert.All(lags, s => Assert.Matches("partition=\"\\d+\".*topic=\"[^\"]+\"", s.Labels));
        Assert.All(lags, s => Assert.True(s.Value >= 0));
        Assert.Contains(lags, s => s.Labels.Contains("topic=\"orders.events\"", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Name == "streamsapp_stream_state_estimate_num_keys"
            && s.Labels.Contains("store=\"projections-saga-counts\"", StringComparison.Ordinal) && s.Labels.Contains("task_id=", StringComparison.Ordinal) && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "streamsapp_stream_state_estimate_live_data_size" && s.Value >= 0);
        Assert.All(samples.Where(s => s.Name == "streamsapp_sagas"), s => Assert.Matches("^\\{state=\"[A-Z_]+\"\\}$", s.Labels));
        // The outcomes are the finished states' counts, each saga counted once.
        Assert.Equal(Value(samples, "streamsapp_sagas", "state=\"COMPLETED\""), Value(samples, "streamsapp_saga_outcomes", "outcome=\"completed\""));
        Assert.Equal(Value(samples, "streamsapp_sagas", "state=\"FAILED\""), Value(samples, "streamsapp_saga_outcomes", "outcome=\"failed\""));
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
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await fixture.Host.Client.GetAsync(new Uri("/topology?format=png", UriKind.Relative))).StatusCode);
    }

    private Task<string> Scrape() => fixture.Host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    private static double Sum(IEnumerable<Sample> samples, string name) => samples.Where(s => s.Name == name).Sum(s => s.Value);

    private static double Value(IEnumerable<Sample> samples, string name, string label) =>
        samples.Single(s => s.Name == name && s.Labels.Contains(label, StringComparison.Ordinal)).Value;

    // The exposition format: "# HELP/TYPE" lines, then "name{labels} value" samples.
    private static List<Sample> Parse(string text) =>
        [.. text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(line =>
        {
            var valueStart = line.LastIndexOf(' ');
            var series = line[..valueStart];
            var brace = series.IndexOf('{', StringComparison.Ordinal);
            return new Sample(
                brace < 0 ? series : series[..brace],
                brace < 0 ? "" : series[brace..],
                double.Parse(line[(valueStart + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        })];

    private sealed record Sample(string Name, string Labels, double Value);
}
