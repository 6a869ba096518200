using System.Net;
using System.Text.Json;
using StreamsApp.Contracts.Orders;
using StreamsApp.Worker.Embedded;

namespace StreamsApp.Worker.Tests.Api.Queries;

/// <summary>
/// A ready embedded worker with two orders posted through <c>POST /orders</c> and finished: a good one (completes)
/// and one of the demo's failing scenarios (insufficient stock), so every query test reads settled state.
/// </summary>
public sealed class QueryWorkerFixture : IAsyncLifetime
{
    public WorkerHost Host { get; private set; } = null!;

    public string GoodOrderId { get; } = "q-good-" + Guid.NewGuid().ToString("N")[..8];

    public string FailedOrderId { get; } = "q-fail-" + Guid.NewGuid().ToString("N")[..8];

    public OrderCreated GoodOrder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await WorkerHost.StartAsync("--demo=true");
        await Host.WaitUntilReadyAsync();
        var orders = new DemoOrders(new Random(7));
        GoodOrder = orders.Create(DemoScenario.Completes, GoodOrderId);
        foreach (var order in new[] { GoodOrder, orders.Create(DemoScenario.InsufficientStock, FailedOrderId) })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Host.PostOrderAsync(Body(order))).StatusCode);
        }

        await WaitForStatusAsync(GoodOrderId, "COMPLETED");
        await WaitForStatusAsync(FailedOrderId, "FAILED");
        // The other read models are fed by other sub-topologies and may trail the order view.
        await WaitForAsync($"/customers/{GoodOrder.CustomerId}", body => body.GetProperty("ordersCompleted").GetInt64() >= 1);
        await WaitForAsync($"/products/{GoodOrder.Items[0].ProductId}/sales", body => body.GetProperty("items").GetArrayLength() == 1);
        await WaitForAsync("/sagas/statistics", body => body.GetProperty("COMPLETED").GetInt64() == 1 && body.GetProperty("FAILED").GetInt64() == 1);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>GET <paramref name="path"/>: status, body as JSON (null when empty), response.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(string path)
    {
        var response = await Host.Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    private Task WaitForStatusAsync(string orderId, string status) =>
        WaitForAsync($"/orders/{orderId}", body => body.GetProperty("status").GetString() == status);

    private async Task WaitForAsync(string path, Func<JsonElement, bool> condition) =>
        await Wait.UntilAsync(async () => await GetAsync(path) is { Status: HttpStatusCode.OK } answer && condition(answer.Body), TimeSpan.FromSeconds(20));

    private static object Body(OrderCreated order) => new
    {
        orderId = order.OrderId,
        customerId = order.CustomerId,
        items = order.Items.Select(i => new { productId = i.ProductId, quantity = i.Quantity, price = i.Price }),
        currency = order.Currency,
        totalAmount = order.TotalAmount,
        shippingAddress = new
        {
            recipient = order.ShippingAddress.Recipient,
            street = order.ShippingAddress.Street,
            city = order.ShippingAddress.City,
            postalCode = order.ShippingAddress.PostalCode,
            country = order.ShippingAddress.Country,
        },
    };
}

/// <summary>The test classes sharing one <see cref="QueryWorkerFixture"/> (one worker start for all of them).</summary>
[CollectionDefinition(Name)]
public sealed class QueryWorkerCollection : ICollectionFixture<QueryWorkerFixture>
{
    public const string Name = "query worker";
}
