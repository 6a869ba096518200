using System.Net.Mime;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamsApp.Streams.Hosting;
using static StreamsApp.Worker.Api.OpenApi.EndpointDocs;

namespace StreamsApp.Worker.Operations.Health;

/// <summary><c>/health/live</c> (the runtime has not failed) and <c>/health/ready</c> (the runtime is running and restored; 503 otherwise).</summary>
internal static class HealthEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(KafkaStreamsHealthChecks.LiveTag),
            ResponseWriter = WriteAsync,
        }).Documented(Tags.Operations, "GetLiveness", "200 unless the streams runtime has failed (503); no API key needed").AsHealthReport().AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(KafkaStreamsHealthChecks.ReadyTag),
            ResponseWriter = WriteAsync,
        }).Documented(Tags.Operations, "GetReadiness", "200 once the streams runtime is running and restored, 503 before; no API key needed").AsHealthReport().AllowAnonymous();
        return endpoints;
    }

    private static IEndpointConventionBuilder AsHealthReport(this IEndpointConventionBuilder builder) => builder.AsDescribedGet()
        .Answers(StatusCodes.Status200OK, typeof(HealthAnswer), MediaTypeNames.Application.Json)
        .Answers(StatusCodes.Status503ServiceUnavailable, typeof(HealthAnswer), MediaTypeNames.Application.Json);

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = MediaTypeNames.Application.Json;
        var body = new HealthAnswer(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckAnswer(e.Value.Status.ToString(), e.Value.Description, e.Value.Data)));
        return JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }
}

/// <summary>A health endpoint's answer: the overall status (<c>Healthy</c>, <c>Degraded</c>, <c>Unhealthy</c>) and each check's.</summary>
/// <param name="Status">The worst of the checks' statuses.</param>
/// <param name="Checks">Each check by name.</param>
internal sealed record HealthAnswer(string Status, IReadOnlyDictionary<string, HealthCheckAnswer> Checks);

/// <summary>One health check's result.</summary>
/// <param name="Status">Its status.</param>
/// <param name="Description">What it found.</param>
/// <param name="Data">Its details, such as the active and standby tasks.</param>
internal sealed record HealthCheckAnswer(string Status, string? Description, IReadOnlyDictionary<string, object> Data);
