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
        Assert.Contains(samples, s => s.Name == "streamsapp_saga_outcomes_total" && s.Labels.Contains("outcome=\"completed\"", StringComparison.Ordinal));
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
