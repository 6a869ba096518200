using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamsApp.Contracts.Views;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Projections;
using static StreamsApp.Worker.Api.OpenApi.EndpointDocs;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>
/// The projections' read models by key: <c>GET /orders/{id}[?minVersion=&amp;wait=]</c>, <c>GET /customers/{id}</c> and
/// <c>GET /products/{id}/sales?from=&amp;to=</c>, each answered by the worker owning the key; and the latest orders,
/// <c>GET /orders?limit=</c>, from every worker.
/// </summary>
internal static class ReadModelEndpoints
{
    private static readonly QueryableStore OrderViews = QueryableStores.Find(ProjectionStores.OrderViews)!;
    private static readonly KeyValueReader<OrderView> OrderViewStore = new(ProjectionStores.OrderViews);
    // The same order as the merged answer's text key: the fixed-width timestamp, then the order id, both descending.
    private static readonly IComparer<OrderView> LatestFirst = Comparer<OrderView>.Create((x, y) =>
        y.UpdatedAt.CompareTo(x.UpdatedAt) is var byTime and not 0 ? byTime : string.CompareOrdinal(y.OrderId, x.OrderId));
    private static readonly StoreQueryParameters<IReadOnlyKeyValueStore<string, CustomerOrderOutcome>> CustomerOrders =
        StoreQueryParameters<IReadOnlyKeyValueStore<string, CustomerOrderOutcome>>.FromNameAndType(
            ProjectionStores.CustomerOrders, QueryableStoreTypes.KeyValueStore<string, CustomerOrderOutcome>());
    private static readonly IComparer<ProductSalesPerHour> ByWindowStart = Comparer<ProductSalesPerHour>.Create((x, y) => x.WindowStart.CompareTo(y.WindowStart));

    // How often a read-your-writes GET asks again: about the pace at which the projections commit.
    private static readonly TimeSpan VersionPoll = TimeSpan.FromMilliseconds(100);
    private static readonly StoreQueryParameters<IReadOnlyWindowStore<string, ProductSaleLine>> ProductSaleLines =
        StoreQueryParameters<IReadOnlyWindowStore<string, ProductSaleLine>>.FromNameAndType(
            ProjectionStores.ProductSales, QueryableStoreTypes.WindowStore<string, ProductSaleLine>());

    public static IEndpointRouteBuilder MapReadModelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/orders", GetLatestOrdersAsync)
            .Documented(Tags.ReadModels, "ListLatestOrders", "The latest order views over every worker, newest first by updatedAt, at most limit")
            .Produces<StorePage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesQueryProblems();
        endpoints.MapGet("/orders/{id}", GetOrderViewAsync)
            .Documented(Tags.ReadModels, "GetOrder", "The order view: status, timeline, items, totals; with minVersion, once it has applied that saga version")
            .WithWait("the view to reach minVersion").Produces<OrderView>().Produces<OrderView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesQueryProblems();
        endpoints.MapGet("/customers/{id}", (string id, HttpContext context, StoreQueryRouter router) =>
            router.ByKeyAsync(context, ProjectionStores.CustomerOrders, id, (streams, stale) => GetCustomerSummary(streams, id, stale)))
            .Documented(Tags.ReadModels, "GetCustomer", "A customer's order counts and spending, summed from their orders")
            .Produces<CustomerSummary>().ProducesQueryProblems();
        endpoints.MapGet("/products/{id}/sales", GetProductSalesAsync)
            .Documented(Tags.ReadModels, "GetProductSales", "A product's hourly sales windows starting from..to (default the last 24 h, at most 31 days)")
            .Produces<StorePage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesQueryProblems();
        return endpoints;
    }

    // With minVersion, read-your-writes: the view once it has applied that saga version (the sagaVersion a POST with a
    // wait answers), waited for up to ?wait= (or Prefer: wait=) at the owner's pace; when the wait ends first, 202 with
    // the view as it is. Polled through the owner rather than waited for there: a forwarded request has 5 s.
    private static async Task<IResult> GetOrderViewAsync(
        string id, string? minVersion, HttpContext context, StoreQueryRouter router, TimeProvider time, CancellationToken cancellationToken)
    {
        if (minVersion is null)
        {
            return await router.ByKeyAsync(context, OrderViews.Info.Name, id, (streams, stale) => StoreAnswers.Value(OrderViews.KeyValue!, streams, id, "order", stale))
                .ConfigureAwait(false);
        }

        if (!long.TryParse(minVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var min) || min < 1)
        {
            return QueryProblems.BadRequest("minVersion must be a saga version: a whole number from 1");
        }

        var (wait, error) = OrderWait.Read(context.Request);
        if (error is not null)
        {
            return QueryProblems.BadRequest(error);
        }

        var until = time.GetUtcNow() + (wait ?? TimeSpan.Zero);
        var path = new PathString($"/orders/{id}");
        while (true)
        {
            var (view, failure) = await router.LookupAsync(context, OrderViews.Info.Name, id, path, streams => (OrderView?)OrderViews.KeyValue!.Get(streams, id))
                .ConfigureAwait(false);
            if (failure is not null || view?.SagaVersion >= min)
            {
                return failure ?? Results.Json(view, ContractJson.Options);
            }

            if (time.GetUtcNow() >= until)
            {
                return view is null ? QueryProblems.NotFound($"No order '{id}'") : Results.Json(view, ContractJson.Options, statusCode: StatusCodes.Status202Accepted);
            }

            await Task.Delay(VersionPoll, time, cancellationToken).ConfigureAwait(false);
        }
    }

    // The views changed last, newest first (ties: by order id, descending too), merged from every worker's newest.
    private static async Task<IResult> GetLatestOrdersAsync(string? limit, HttpContext context, StoreQueryRouter router)
    {
        if (QueryInput.ReadLimit(limit, out var max) is { } error)
        {
            return QueryProblems.BadRequest(error);
        }

        return await router.FromAllAsync(
            context,
            ProjectionStores.OrderViews,
            streams => StorePage.Of(OrderViewStore.Store(streams).All().Select(entry => entry.Value), LatestFirst, max),
            pages => StorePage.Merge(pages, item => $"{StoreAnswers.StringOf(item, "updatedAt")}|{StoreAnswers.StringOf(item, "orderId")}", max, descending: true))
            .ConfigureAwait(false);
    }

    // Summed from the customer's orders when asked for (CustomerSummaries): every count is of orders this worker holds.
    private static IResult GetCustomerSummary(KafkaStreams streams, string id, bool stale) =>
        CustomerSummaries.Read(streams.Store(stale ? CustomerOrders.EnableStaleStores() : CustomerOrders), id) is { } summary
            ? Results.Json(summary, ContractJson.Options)
            : QueryProblems.NotFound($"No customer '{id}'");

    // Windows starting in the range, oldest first; a product without sales has none (200, not 404).
    private static async Task<IResult> GetProductSalesAsync(string id, string? from, string? to, HttpContext context, StoreQueryRouter router, TimeProvider time)
    {
        if (QueryInput.ReadTimeRange(from, to, time.GetUtcNow(), out var range) is { } error)
        {
            return QueryProblems.BadRequest(error);
        }

        // Summed from the orders' lines (ProductSales); 31 days of hourly windows are fewer than the largest page.
        return await router.ByKeyAsync(context, ProjectionStores.ProductSales, id, (streams, stale) =>
            StoreAnswers.Json(StorePage.Of(
                ProductSales.Read(streams.Store(stale ? ProductSaleLines.EnableStaleStores() : ProductSaleLines), id, range.FromMs, range.ToMs),
                ByWindowStart, QueryInput.MaxLimit))).ConfigureAwait(false);
    }
}
