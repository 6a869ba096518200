using System.Net;
using System.Text.Json;
using StreamsApp.Topologies.Participants.Inventory;
using StreamsApp.Topologies.Participants.Payments;
using StreamsApp.Topologies.Projections;
using StreamsApp.Topologies.Saga;
using StreamsApp.Worker.Embedded;

namespace StreamsApp.Worker.Tests.Api.Queries;

[Collection(QueryWorkerCollection.Name)]
public sealed class SagaAndStoreQueryTests(QueryWorkerFixture fixture)
{
    [Fact]
    public async Task ASagaByIdShowsItsStateStepsAndFailureReason()
    {
        var (_, good, _) = await fixture.GetAsync($"/sagas/{fixture.GoodOrderId}");
        var (status, failed, _) = await fixture.GetAsync($"/sagas/{fixture.FailedOrderId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("COMPLETED", good.GetProperty("status").GetString());
        Assert.Equal("RESERVE_STOCK,CHARGE_PAYMENT,SCHEDULE_SHIPMENT", string.Join(',', good.GetProperty("stepsDone").EnumerateArray().Select(s => s.GetString())));
        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.Contains("insufficient stock", failed.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SagasByStateListOnlyThatStateInSagaIdOrder()
    {
        var (status, completed, _) = await fixture.GetAsync("/sagas?state=COMPLETED");
        var (_, failed, _) = await fixture.GetAsync("/sagas?state=failed");
        var (_, all, _) = await fixture.GetAsync("/sagas?limit=1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(fixture.GoodOrderId, Ids(completed));
        Assert.Equal(fixture.FailedOrderId, Ids(failed));
        Assert.Equal(new[] { fixture.GoodOrderId, fixture.FailedOrderId }.Order(StringComparer.Ordinal).First(), Ids(all));
        Assert.True(all.GetProperty("truncated").GetBoolean());
        Assert.False(completed.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task StatisticsCountSagasPerState()
    {
        var (status, counts, _) = await fixture.GetAsync("/sagas/statistics");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(7, counts.EnumerateObject().Count());
        Assert.Equal(1, counts.GetProperty("COMPLETED").GetInt64());
        Assert.Equal(1, counts.GetProperty("FAILED").GetInt64());
        Assert.Equal(0, counts.GetProperty("STARTED").GetInt64());
    }

    [Fact]
    public async Task TheCatalogueListsTheReadModelsTheSagaStoreAndTheParticipantsSums()
    {
        var (status, catalogue, _) = await fixture.GetAsync("/stores");

        Assert.Equal(HttpStatusCode.OK, status);
        // A list as every list the API answers: {"items":[...]}.
        var stores = catalogue.GetProperty("items");
        var names = stores.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal([.. ProjectionStores.All.Select(s => s.Name), SagaStores.State, InventoryTopology.AvailableStore, PaymentTopology.SpentStore], names);
        var sales = stores.EnumerateArray().Single(s => s.GetProperty("name").GetString() == ProjectionStores.ProductSales);
        Assert.Equal("Window", sales.GetProperty("kind").GetString());
        Assert.Equal("ProductSaleLine", sales.GetProperty("valueType").GetString());
        Assert.True(sales.GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task AParticipantsSumIsANumberAndAKeyWithoutOneIsNotFound()
    {
        var (status, units, _) = await fixture.GetAsync($"/stores/{InventoryTopology.AvailableStore}/keys/{DemoCatalog.OutOfStockProduct}");
        var (missingStatus, _, _) = await fixture.GetAsync($"/stores/{PaymentTopology.SpentStore}/keys/no-such-customer");

        Assert.Equal((HttpStatusCode.OK, JsonValueKind.Number, 0), (status, units.ValueKind, units.GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
    }

    [Fact]
    public async Task TheGenericStoreEndpointReadsKeysAndKeyRanges()
    {
        var (status, view, _) = await fixture.GetAsync($"/stores/{ProjectionStores.OrderViews}/keys/{fixture.GoodOrderId}");
        var (_, range, _) = await fixture.GetAsync($"/stores/{ProjectionStores.OrderViews}?from={fixture.GoodOrderId}&to={fixture.GoodOrderId}");
        var (_, sagas, _) = await fixture.GetAsync($"/stores/{SagaStores.State}?limit=1000");
        var (invertedStatus, inverted, _) = await fixture.GetAsync($"/stores/{SagaStores.State}?from=z&to=a");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("COMPLETED", view.GetProperty("status").GetString());
        var entry = Assert.Single(range.GetProperty("items").EnumerateArray());
        Assert.Equal(fixture.GoodOrderId, entry.GetProperty("key").GetString());
        Assert.Equal(fixture.GoodOrderId, entry.GetProperty("value").GetProperty("orderId").GetString());
        Assert.Equal(
            new[] { fixture.FailedOrderId, fixture.GoodOrderId }.Order(StringComparer.Ordinal),
            sagas.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("key").GetString()!));
        Assert.Equal(HttpStatusCode.OK, invertedStatus);
        Assert.Empty(inverted.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task TheGenericStoreEndpointReadsWindowsByTimeRange()
    {
        var product = fixture.GoodOrder.Items[0].ProductId;

        var (status, all, _) = await fixture.GetAsync($"/stores/{ProjectionStores.ProductSales}");
        var (_, old, _) = await fixture.GetAsync($"/stores/{ProjectionStores.ProductSales}?from=2021-01-01T00:00:00Z&to=2021-01-01T05:00:00Z");
        // A line's key is the product and the order joined by NUL, which no URL path carries: a product id alone names none.
        var (byKeyStatus, byKey, _) = await fixture.GetAsync($"/stores/{ProjectionStores.ProductSales}/keys/{product}");

        Assert.Equal(HttpStatusCode.OK, status);
        var lines = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            fixture.GoodOrder.Items.Select(i => ProductSales.Key(i.ProductId, fixture.GoodOrderId)).Distinct().Order(StringComparer.Ordinal),
            lines.Select(e => e.GetProperty("key").GetString()));
        Assert.All(lines, line => Assert.Equal(fixture.GoodOrderId, line.GetProperty("value").GetProperty("orderId").GetString()));
        Assert.All(lines, line => Assert.Equal(
            TimeSpan.FromHours(1), line.GetProperty("windowEnd").GetDateTimeOffset() - line.GetProperty("windowStart").GetDateTimeOffset()));
        Assert.Empty(old.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, byKeyStatus);
        Assert.Empty(byKey.GetProperty("items").EnumerateArray());
    }

    private static string Ids(JsonElement page) =>
        string.Join(',', page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("sagaId").GetString()));
}
