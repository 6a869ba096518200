using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Saga;
using static StreamsApp.Worker.Api.OpenApi.EndpointDocs;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>
/// The saga state store: <c>GET /sagas/{id}</c> (from the saga's owner), <c>GET /sagas?state=&amp;limit=</c> and
/// <c>GET /sagas/statistics</c> (every worker's sagas, merged).
/// </summary>
internal static class SagaEndpoints
{
    public static IEndpointRouteBuilder MapSagaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sagas/statistics", (HttpContext context, StoreQueryRouter router) =>
            router.FromAllAsync(context, SagaStores.State, CountByState, Sum))
            .Documented(Tags.Sagas, "GetSagaStatistics", "How many sagas are in each state, over every worker")
            .Produces<Dictionary<string, long>>().ProducesQueryProblems();
        endpoints.MapGet("/sagas/{id}", (string id, HttpContext context, StoreQueryRouter router) =>
            router.ByKeyAsync(context, SagaStores.State, id, (streams, stale) => StoreAnswers.Value(QueryableStores.SagaState, streams, id, "saga", stale)))
            .Documented(Tags.Sagas, "GetSaga", "The orchestrator's state of a saga: status, steps done, compensations")
            .Produces<SagaState>().ProducesQueryProblems();
        endpoints.MapGet("/sagas", GetSagasAsync)
            .Documented(Tags.Sagas, "ListSagas", "Sagas in a state (any without one) on every worker, by saga id, at most limit")
            .Produces<StorePage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesQueryProblems();
        return endpoints;
    }

    // Without a state: sagas in any state. Ordered by saga id.
    private static async Task<IResult> GetSagasAsync(string? state, string? limit, HttpContext context, StoreQueryRouter router)
    {
        SagaStatus? status = null;
        if (state is not null)
        {
            if (QueryInput.ReadSagaStatus(state, out var parsed) is { } stateError)
            {
                return QueryProblems.BadRequest(stateError);
            }

            status = parsed;
        }

        if (QueryInput.ReadLimit(limit, out var max) is { } limitError)
        {
            return QueryProblems.BadRequest(limitError);
        }

        return await router.FromAllAsync(
            context,
            SagaStores.State,
            streams => StorePage.Of(SagaStore(streams).All().Select(e => e.Value).Where(s => status is null || s.Status == status), BySagaId, max),
            pages => StorePage.Merge(pages, item => StoreAnswers.StringOf(item, "sagaId"), max)).ConfigureAwait(false);
    }

    private static Dictionary<string, long> CountByState(KafkaStreams streams)
    {
        var counts = Enum.GetNames<SagaStatus>().ToDictionary(name => name, _ => 0L);
        foreach (var saga in SagaStore(streams).All())
        {
            counts[saga.Value.Status.ToString()]++;
        }

        return counts;
    }

    private static Dictionary<string, long> Sum(IReadOnlyList<Dictionary<string, long>> parts) =>
        Enum.GetNames<SagaStatus>().ToDictionary(name => name, name => parts.Sum(p => p.GetValueOrDefault(name)));

    private static IComparer<SagaState> BySagaId { get; } = Comparer<SagaState>.Create((x, y) => string.CompareOrdinal(x.SagaId, y.SagaId));

    // Every saga this worker runs: the scan reads the store a page at a time (decision 0016).
    private static IReadOnlyKeyValueStore<string, SagaState> SagaStore(KafkaStreams streams) => QueryableStores.SagaState.Store(streams);
}
