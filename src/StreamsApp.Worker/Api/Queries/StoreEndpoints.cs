using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamsApp.Streams.Hosting;
using StreamsApp.Topologies.Projections;
using StreamsApp.Worker.Hosting;
using static StreamsApp.Worker.Api.OpenApi.EndpointDocs;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>
/// Any served store, generically: <c>GET /stores</c> (the catalogue, <c>{"items":[...]}</c> as every list),
/// <c>GET /stores/{name}/keys/{key}</c> (a key's value; for a window store the key's windows in <c>from</c>..<c>to</c>)
/// and <c>GET /stores/{name}</c> (a key-value store's keys from <c>from</c> to <c>to</c>; a window store's windows
/// starting from <c>from</c> to <c>to</c>), both bounded by <c>limit</c>.
/// </summary>
internal static class StoreEndpoints
{
    public static IEndpointRouteBuilder MapStoreEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/stores", (IKafkaStreamsInstance instance) => Results.Json(StoreCatalogue.Of(instance), ContractJson.Options))
            .Documented(Tags.Stores, "ListStores", "The queryable stores: name, kind, key and value types, whether running")
            .Produces<StoreCatalogue>();
        endpoints.MapGet("/stores/{name}/keys/{key}", GetKeyAsync)
            .Documented(Tags.Stores, "GetStoreKey", "A key-value store's value for a key, or a window store's windows of a key from..to")
            .Produces<JsonElement>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesQueryProblems();
        endpoints.MapGet("/stores/{name}", GetRangeAsync)
            .Documented(Tags.Stores, "GetStoreRange", "A key-value store's keys from..to, or a window store's windows starting from..to, on every worker")
            .Produces<StorePage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesQueryProblems();
        return endpoints;
    }

    private static async Task<IResult> GetKeyAsync(string name, string key, string? from, string? to, string? limit, HttpContext context, StoreQueryRouter router, TimeProvider time)
    {
        if (QueryableStores.Find(name) is not { } store)
        {
            return UnknownStore(name);
        }

        if (store.KeyValue is { } keyValue)
        {
            return await router.ByKeyAsync(context, name, key, (streams, stale) => StoreAnswers.Value(keyValue, streams, key, $"entry in store '{name}' for key", stale)).ConfigureAwait(false);
        }

        var rangeError = QueryInput.ReadTimeRange(from, to, time.GetUtcNow(), out var range);
        var limitError = QueryInput.ReadLimit(limit, out var max);
        return StoreAnswers.BadInput(rangeError, limitError)
            ?? await router.ByKeyAsync(context, name, key, (streams, stale) => StoreAnswers.Json(store.Window!.Fetch(streams, key, range, max, stale))).ConfigureAwait(false);
    }

    private static async Task<IResult> GetRangeAsync(string name, string? from, string? to, string? limit, HttpContext context, StoreQueryRouter router, TimeProvider time)
    {
        if (QueryableStores.Find(name) is not { } store)
        {
            return UnknownStore(name);
        }

        var limitError = QueryInput.ReadLimit(limit, out var max);
        if (store.KeyValue is { } keyValue)
        {
            return StoreAnswers.BadInput(limitError)
                ?? await router.FromAllAsync(context, name, streams => keyValue.Range(streams, from, to, max), pages => StoreAnswers.MergeByKey(pages, max)).ConfigureAwait(false);
        }

        var rangeError = QueryInput.ReadTimeRange(from, to, time.GetUtcNow(), out var range);
        return StoreAnswers.BadInput(rangeError, limitError)
            ?? await router.FromAllAsync(context, name, streams => store.Window!.Fetch(streams, null, range, max), pages => StoreAnswers.MergeByWindow(pages, max)).ConfigureAwait(false);
    }

    private static IResult UnknownStore(string name) =>
        QueryProblems.NotFound($"No queryable store '{name}'; GET /stores lists them");
}
