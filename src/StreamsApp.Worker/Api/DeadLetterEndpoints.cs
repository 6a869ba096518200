using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamsApp.Worker.Api.Queries;
using StreamsApp.Worker.Operations.DeadLetters;
using static StreamsApp.Worker.Api.OpenApi.EndpointDocs;

namespace StreamsApp.Worker.Api;

/// <summary>
/// Dead-letter topics for operators (issue 15): <c>GET /dlt</c> lists them with their record counts,
/// <c>GET /dlt/{topic}?from=partition:offset&amp;limit=</c> pages through one with the metadata decoded, and
/// <c>POST /dlt/{topic}/replay</c> republishes the records a filter selects to their source topic, once each.
/// Behind the API key when one is set, as every endpoint.
/// </summary>
internal static class DeadLetterEndpoints
{
    private const string ReplayFilterExample = "{\"partition\":0,\"fromOffset\":0,\"toOffset\":9,\"errorClass\":\"InvalidOrderException\"}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapDeadLetterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dlt", (DeadLetterTopics topics) => Results.Json(new DeadLetterTopicList(topics.List()), Json))
            .Documented(Tags.DeadLetters, "ListDeadLetterTopics", "The dead-letter topics with their source topics and record counts")
            .Produces<DeadLetterTopicList>();
        endpoints.MapGet("/dlt/{topic}", async (string topic, string? from, string? limit, DeadLetterTopics topics, DeadLetterValueDecoder values) =>
        {
            if (!DeadLetterCursor.TryParse(from, out var cursor))
            {
                return QueryProblems.BadRequest($"from must be partition:offset, both whole numbers (was '{from}')");
            }

            if (QueryInput.ReadLimit(limit, out var max) is { } limitError)
            {
                return QueryProblems.BadRequest(limitError);
            }

            return IsDeadLetterTopic(topic) && topics.Read(topic, cursor, max) is { } page
                ? Results.Json(DeadLetterRecords.Of(await values.DecodeAsync(page).ConfigureAwait(false)), Json)
                : NoSuchTopic(topic);
        })
            .Documented(Tags.DeadLetters, "ListDeadLetters", "A page of a dead-letter topic's records from partition:offset, with their error metadata decoded and Avro values as JSON")
            .Produces<DeadLetterRecords>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapPost("/dlt/{topic}/replay", ReplayAsync)
            .Documented(Tags.DeadLetters, "ReplayDeadLetters", "Republishes the records a filter selects to their source topic, each once however often asked")
            .AcceptsJson<ReplayFilter>(isOptional: true).Produces<ReplayResult>().ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> ReplayAsync(string topic, HttpRequest request, DeadLetterTopics topics, CancellationToken cancellationToken)
    {
        var filter = new ReplayFilter();
        if (request.ContentLength is > 0 || request.HasJsonContentType())
        {
            try
            {
                filter = await JsonSerializer.DeserializeAsync<ReplayFilter>(request.Body, Json, cancellationToken).ConfigureAwait(false) ?? filter;
            }
            catch (JsonException e)
            {
                return QueryProblems.BadRequest($"{JsonBodyError.Describe(e, typeof(ReplayFilter), Json)} (a replay filter is {ReplayFilterExample}, every field optional)");
            }
        }

        if (filter.FromOffset > filter.ToOffset)
        {
            return QueryProblems.BadRequest("fromOffset is after toOffset");
        }

        return IsDeadLetterTopic(topic) && await topics.ReplayAsync(topic, filter, cancellationToken).ConfigureAwait(false) is { } result
            ? Results.Json(result, Json)
            : NoSuchTopic(topic);
    }

    private static bool IsDeadLetterTopic(string topic) => topic.EndsWith(DeadLetterTopics.Suffix, StringComparison.Ordinal);

    private static IResult NoSuchTopic(string topic) =>
        QueryProblems.NotFound($"There is no dead-letter topic '{topic}' (GET /dlt lists them)");
}
