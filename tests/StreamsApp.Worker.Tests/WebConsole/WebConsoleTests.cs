using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.RegularExpressions;
using StreamsApp.Streams.Hosting;

namespace StreamsApp.Worker.Tests.WebConsole;

/// <summary>The web console's page, assets and live feed, and the latest orders, on an embedded worker over real HTTP.</summary>
public sealed partial class WebConsoleTests(EmbeddedWorkerFixture fixture) : IClassFixture<EmbeddedWorkerFixture>
{
    private static readonly string[] SagaStates = ["STARTED", "STOCK_RESERVED", "PAYMENT_DONE", "SHIPPED", "COMPLETED", "COMPENSATING", "FAILED"];

    [Fact]
    public async Task The_page_and_every_script_it_imports_are_served_by_the_worker()
    {
        using var page = await fixture.Host.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        // Nothing from elsewhere: the machines may be offline.
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);

        // Follow every reference from the page and every import from the scripts.
        var pending = new Queue<string>(References().Matches(html).Select(m => m.Groups["path"].Value));
        var served = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var path))
        {
            if (!served.Add(path))
            {
                continue;
            }

            using var asset = await fixture.Host.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(asset.IsSuccessStatusCode, $"{path}: {(int)asset.StatusCode}");
            if (path.EndsWith(".js", StringComparison.Ordinal))
            {
                Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
                foreach (Match import in Imports().Matches(await asset.Content.ReadAsStringAsync()))
                {
                    pending.Enqueue("/console/assets/" + import.Groups["file"].Value);
                }
            }
        }

        Assert.Contains("/console/assets/main.js", served);
        Assert.Contains("/console/assets/console.css", served);
        Assert.True(served.Count >= 8, string.Join(", ", served));
    }

    [Fact]
    public async Task The_live_feed_pushes_this_worker_s_activity_every_second_and_the_dead_letter_topics()
    {
        var events = new List<(string Type, JsonElement Data, DateTimeOffset At)>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await fixture.Host.Client.GetAsync(new Uri("/console/live", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        await foreach (var item in SseParser.Create(stream, (_, data) => JsonDocument.Parse(data.ToArray()).RootElement.Clone()).EnumerateAsync(timeout.Token))
        {
            events.Add((item.EventType, item.Data, DateTimeOffset.UtcNow));
            if (events.Count(e => e.Type == "activity") == 3)
            {
                break;
            }
        }

        var activity = events.Where(e => e.Type == "activity").ToList();
        var last = activity[^1].Data;
        var self = fixture.Host.Get<IKafkaStreamsInstance>().ApplicationServer;
        Assert.Equal(self, last.GetProperty("servedBy").GetString());
        var worker = Assert.Single(last.GetProperty("workers").EnumerateArray());
        Assert.Equal("Running", worker.GetProperty("state").GetString());
        Assert.NotEmpty(worker.GetProperty("activeTasks").EnumerateArray());
        Assert.Equal(SagaStates, last.GetProperty("sagas").EnumerateObject().Select(p => p.Name));
        // Every sub-topology of the mission runs here, each with the topics it reads; rates once there are two readings.
        var subtopologies = last.GetProperty("subtopologies").EnumerateArray().ToList();
        Assert.True(subtopologies.Count >= 5);
        Assert.All(subtopologies, s => Assert.NotEmpty(s.GetProperty("topics").EnumerateArray()));
        Assert.Equal(JsonValueKind.Null, activity[0].Data.GetProperty("subtopologies")[0].GetProperty("perSecond").ValueKind);
        Assert.Equal(JsonValueKind.Number, last.GetProperty("subtopologies")[0].GetProperty("perSecond").ValueKind);
        // About a second apart, pushed rather than asked for.
        Assert.InRange((activity[2].At - activity[1].At).TotalSeconds, 0.5, 5);

        // The dead-letter topics as GET /dlt lists them.
        var deadLetters = Assert.Single(events, e => e.Type == "deadletters").Data;
        using var listed = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync(new Uri("/dlt", UriKind.Relative), timeout.Token));
        Assert.Equal(TopicNames(listed.RootElement), TopicNames(deadLetters));
    }

    [Fact]
    public async Task The_feed_shows_an_order_s_saga_completing_and_the_rates_rising()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await fixture.Host.Client.GetAsync(new Uri("/console/live", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        long? completedBefore = null;
        await foreach (var item in SseParser.Create(stream, (_, data) => JsonDocument.Parse(data.ToArray()).RootElement.Clone()).EnumerateAsync(timeout.Token))
        {
            if (item.EventType != "activity")
            {
                continue;
            }

            var completed = item.Data.GetProperty("outcomes").GetProperty("completed").GetInt64();
            if (completedBefore is null)
            {
                completedBefore = completed;
                Assert.True((await fixture.Host.PostOrderAsync(Order($"console-{Guid.NewGuid():N}"))).IsSuccessStatusCode);
            }
            else if (completed > completedBefore
                && item.Data.GetProperty("outcomes").GetProperty("completedPerMinute").GetDouble() > 0
                && item.Data.GetProperty("subtopologies").EnumerateArray().Any(s => s.GetProperty("perSecond").GetDouble() > 0))
            {
                return;
            }
        }

        Assert.Fail("The feed ended before the order's saga completed");
    }

    [Fact]
    public async Task Latest_orders_come_newest_first_from_every_worker_in_the_list_shape()
    {
        var ids = new List<string>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            ids.Add($"latest-{Guid.NewGuid():N}");
            Assert.True((await fixture.Host.PostOrderAsync(Order(ids[^1]))).IsSuccessStatusCode);
        }

        JsonElement page = default;
        await Wait.UntilAsync(
            async () =>
            {
                page = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync(new Uri("/orders?limit=1000", UriKind.Relative))).RootElement;
                return ids.All(id => page.GetProperty("items").EnumerateArray().Any(o => o.GetProperty("orderId").GetString() == id));
            },
            TimeSpan.FromSeconds(30));

        var updated = page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("updatedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
        Assert.False(page.GetProperty("truncated").GetBoolean());

        // Views change while sagas run, so the page of one and the whole list are read back to back until no view
        // changed between the two reads: then the one is the newest of them all.
        var seen = "";
        await Wait.UntilAsync(
            async () =>
            {
                var first = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync(new Uri("/orders?limit=1", UriKind.Relative))).RootElement;
                var all = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync(new Uri("/orders?limit=1000", UriKind.Relative))).RootElement;
                Assert.True(first.GetProperty("truncated").GetBoolean());
                var one = Assert.Single(first.GetProperty("items").EnumerateArray()).GetProperty("updatedAt").GetDateTimeOffset();
                var newest = all.GetProperty("items").EnumerateArray().Max(o => o.GetProperty("updatedAt").GetDateTimeOffset());
                seen = $"limit=1 gave {one:O}, the newest of all is {newest:O}";
                return one == newest;
            },
            TimeSpan.FromSeconds(30),
            () => seen);

        using var refused = await fixture.Host.Client.GetAsync(new Uri("/orders?limit=0", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private static object Order(string orderId) => new
    {
        orderId,
        customerId = "c-ada",
        items = new[] { new { productId = "p-book", quantity = 1 } },
        currency = "EUR",
        shippingAddress = new { recipient = "Ada", street = "Main St 1", city = "Berlin", postalCode = "10115", country = "DE" },
    };

    [GeneratedRegex("(src|href)=\"(?<path>/console/assets/[^\"]+)\"")]
    private static partial Regex References();

    [GeneratedRegex("from '\\./(?<file>[a-z]+\\.js)'")]
    private static partial Regex Imports();

    private static IEnumerable<string?> TopicNames(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("topic").GetString()).Order(StringComparer.Ordinal);
}
