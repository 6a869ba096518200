using System.Globalization;
using System.Net;
using System.Text.Json;
using StreamsApp.Streams.Hosting;
using StreamsApp.Worker.Embedded;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests.Api.Queries;

[Collection(QueryWorkerCollection.Name)]
public sealed class ReadModelQueryTests(QueryWorkerFixture fixture)
{
    [Fact]
    public async Task AGoodOrderShowsCompletedWithItsTimelineItemsWithProductNamesAndTotal()
    {
        var (status, view, response) = await fixture.GetAsync($"/orders/{fixture.GoodOrderId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(fixture.GoodOrderId, view.GetProperty("orderId").GetString());
        Assert.Equal("COMPLETED", view.GetProperty("status").GetString());
        Assert.Equal(
            "STARTED,STOCK_RESERVED,PAYMENT_DONE,SHIPPED,COMPLETED",
            string.Join(',', view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString())));
        var items = view.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(fixture.GoodOrder.Items.Count, items.Count);
        foreach (var item in items)
        {
            var product = DemoCatalog.StockedProducts.Single(p => p.Id == item.GetProperty("productId").GetString());
            Assert.Equal(product.Name, item.GetProperty("productName").GetString());
        }

        // Decimals are JSON numbers, timestamps ISO-8601 UTC, and the Avro schema is not rendered.
        Assert.Equal(JsonValueKind.Number, view.GetProperty("totalAmount").ValueKind);
        Assert.Equal(fixture.GoodOrder.TotalAmount, view.GetProperty("totalAmount").GetDecimal());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", view.GetProperty("createdAt").GetString());
        Assert.False(view.TryGetProperty("schema", out _));
        Assert.Equal(fixture.Host.Get<IKafkaStreamsInstance>().ApplicationServer, response.Headers.GetValues("X-StreamsApp-Served-By").Single());
    }

    [Fact]
    public void TheApplicationServerIsTheAddressKestrelBound()
    {
        var instance = fixture.Host.Get<IKafkaStreamsInstance>();
        var bound = $"127.0.0.1:{fixture.Host.Client.BaseAddress!.Port}";

        Assert.Equal(bound, instance.ApplicationServer);
        Assert.Contains(instance.Streams!.MetadataForAllStreamsClients(), m => m.HostInfo.ToString() == bound);
    }

    [Fact]
    public async Task AFailingOrderShowsFailedWithTheReason()
    {
        var (status, view, _) = await fixture.GetAsync($"/orders/{fixture.FailedOrderId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("FAILED", view.GetProperty("status").GetString());
        var failed = view.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.Contains("insufficient stock", failed.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomerSummaryCountsTheirOrders()
    {
        var (status, summary, _) = await fixture.GetAsync($"/customers/{fixture.GoodOrder.CustomerId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(fixture.GoodOrder.CustomerId, summary.GetProperty("customerId").GetString());
        Assert.True(summary.GetProperty("ordersCompleted").GetInt64() >= 1);
        Assert.True(summary.GetProperty("totalSpent").GetDecimal() >= fixture.GoodOrder.TotalAmount);
    }

    [Fact]
    public async Task ProductSalesAreHourlyWindowsInTheRange()
    {
        var line = fixture.GoodOrder.Items[0];
        var units = fixture.GoodOrder.Items.Where(i => i.ProductId == line.ProductId).Sum(i => i.Quantity);

        var (status, page, _) = await fixture.GetAsync($"/products/{line.ProductId}/sales");
        var (_, empty, _) = await fixture.GetAsync($"/products/{line.ProductId}/sales?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z");
        // Only from: up to now, so a range begun weeks ago reaches this hour's window (not a day after from).
        var weeksAgo = DateTimeOffset.UtcNow.AddDays(-20).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var (_, since, _) = await fixture.GetAsync($"/products/{line.ProductId}/sales?from={weeksAgo}");

        Assert.Equal(HttpStatusCode.OK, status);
        var window = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(line.ProductId, window.GetProperty("productId").GetString());
        Assert.True(window.GetProperty("unitsSold").GetInt64() >= units);
        var start = window.GetProperty("windowStart").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(1), window.GetProperty("windowEnd").GetDateTimeOffset() - start);
        Assert.Equal(0, start.Minute);
        Assert.Empty(empty.GetProperty("items").EnumerateArray());
        Assert.Equal(start, Assert.Single(since.GetProperty("items").EnumerateArray()).GetProperty("windowStart").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("/orders/no-such-order", "No order 'no-such-order'")]
    [InlineData("/customers/c-nobody", "No customer 'c-nobody'")]
    [InlineData("/sagas/no-such-saga", "No saga 'no-such-saga'")]
    [InlineData("/stores/no-such-store", "No queryable store 'no-such-store'")]
    [InlineData("/stores/no-such-store/keys/k", "No queryable store 'no-such-store'")]
    [InlineData("/stores/projections-order-views/keys/none", "No entry in store 'projections-order-views' for key 'none'")]
    public async Task UnknownKeysAndStoresAre404WithTheReason(string path, string reason)
    {
        var (status, problem, response) = await fixture.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sagas?state=BOGUS", "state must be one of STARTED, STOCK_RESERVED")]
    [InlineData("/sagas?state=4", "state must be one of")]
    [InlineData("/sagas?state=COMPLETED&limit=0", "limit must be a whole number from 1 to 1000")]
    [InlineData("/sagas?limit=1001", "limit must be a whole number from 1 to 1000")]
    [InlineData("/stores/saga-state-store?limit=-3", "limit must be")]
    [InlineData("/products/p-book/sales?from=yesterday", "from must be an ISO-8601 time")]
    [InlineData("/products/p-book/sales?to=1960-01-01T00:00:00Z", "to must be an ISO-8601 time from 1970 to 9998")]
    [InlineData("/products/p-book/sales?from=9999-12-31T23:00:00Z", "from must be an ISO-8601 time from 1970 to 9998")]
    [InlineData("/products/p-book/sales?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from (2026-02-01T00:00:00.000Z) is after to (2026-01-01T00:00:00.000Z)")]
    [InlineData("/products/p-book/sales?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "at most 31 days")]
    [InlineData("/stores/projections-product-sales/keys/p-book?from=nope", "from must be an ISO-8601 time")]
    [InlineData("/stores/projections-product-sales?limit=x", "limit must be")]
    public async Task BadInputIs400WithTheReason(string path, string reason)
    {
        var (status, problem, _) = await fixture.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
