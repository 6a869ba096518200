using System.Globalization;
using Microsoft.AspNetCore.Http;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>The query endpoints' ProblemDetails answers: 400 bad input, 404 unknown key or store, 503 try again later.</summary>
internal static class QueryProblems
{
    /// <summary>Seconds a client should wait before retrying a 503 (a rebalance or restoration usually takes a few).</summary>
    public const int RetryAfterSeconds = 2;

    public static IResult BadRequest(string detail) =>
        Results.Problem(title: "Invalid query", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>503 with <c>Retry-After</c>: the answer exists but cannot be read now.</summary>
    public static IResult Unavailable(string title, string detail) => new RetryAfterResult(
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable));

    /// <summary>The answer to a failed store read, by Kafka Streams' exception types (decision 0016).</summary>
    /// <param name="exception">What the store read threw.</param>
    /// <param name="store">The store's name.</param>
    public static IResult For(InvalidStateStoreException exception, string store) => exception switch
    {
        // The endpoint checked its catalogue: the running topology lacks the store (Mission:Parts leaves it out).
        UnknownStateStoreException => NotFound($"Store '{store}' is not part of the running topology (see Mission:Parts)"),
        StreamsNotStartedException => Unavailable("Streams not running", "The streams runtime has not started yet"),
        StateStoreNotAvailableException => Unavailable("Streams not running", $"The streams runtime is not running: {exception.Message}"),
        StateStoreMigratedException => Unavailable("Store not queryable now", $"Store '{store}' is rebalancing or restoring here: {exception.Message}"),
        InvalidStateStorePartitionException => Unavailable("Store not queryable now", $"Store '{store}' does not have the key's partition here: {exception.Message}"),
        _ => Unavailable("Store not queryable now", exception.Message),
    };

    /// <summary>Adds <c>Retry-After</c> to another result.</summary>
    private sealed class RetryAfterResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
