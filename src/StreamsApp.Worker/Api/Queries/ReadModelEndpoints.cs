using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamsApp.Topologies.Projections;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>
/// The projections' read models by key: <c>GET /orders/{id}</c>, <c>GET /customers/{id}</c> and
/// <c>GET /products/{id}/sales?from=&amp;to=</c>, each answered by the worker owning the key.
/// </summary>
internal static class ReadModelEndpoints
{
    private static readonly QueryableStore OrderViews = QueryableStores.Find(ProjectionStores.OrderViews)!;
    private static readonly QueryableStore CustomerSummaries = QueryableStores.Find(ProjectionStores.CustomerSummaries)!;
    private static readonly QueryableStore ProductSales = QueryableStores.Find(ProjectionStores.ProductSalesHourly)!;

    public static IEndpointRouteBuilder MapReadModelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/orders/{id}", (string id, HttpContext context, StoreQueryRouter router) =>
            router.ByKeyAsync(context, OrderViews.Info.Name, id, (streams, stale) => StoreAnswers.Value(OrderViews.KeyValue!, streams, id, "order", stale)));
        endpoints.MapGet("/customers/{id}", (string id, HttpContext context, StoreQueryRouter router) =>
            router.ByKeyAsync(context, CustomerSummaries.Info.Name, id, (streams, stale) => StoreAnswers.Value(CustomerSummaries.KeyValue!, streams, id, "customer", stale)));
        endpoints.MapGet("/products/{id}/sales", GetProductSalesAsync);
        return endpoints;
    }

    // Windows starting in the range, oldest first; a product without sales has none (200, not 404).
    private static async Task<IResult> GetProductSalesAsync(string id, string? from, string? to, HttpContext context, StoreQueryRouter router, TimeProvider time)
    {
        if (QueryInput.ReadTimeRange(from, to, time.GetUtcNow(), out var range) is { } error)
        {
            return QueryProblems.BadRequest(error);
        }

        // 31 days of hourly windows are fewer than the largest page: nothing is cut off.
        return await router.ByKeyAsync(context, ProductSales.Info.Name, id, (streams, stale) =>
            StoreAnswers.Json(StoreAnswers.ValuesOf(ProductSales.Window!.Fetch(streams, id, range, QueryInput.MaxLimit, stale)))).ConfigureAwait(false);
    }
}
