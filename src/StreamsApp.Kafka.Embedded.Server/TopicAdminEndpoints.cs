using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamsApp.Kafka.Embedded.Internal;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Kafka.Embedded.Server;

/// <summary>
/// The topic-administration API that stands in for Kafka's admin API, which the mock cluster lacks, so workers in
/// other processes can look up partition counts and create topics (<see cref="EmbeddedClusterAdminClient"/>).
/// Refusals are RFC 7807 problem details whose <c>detail</c> says why.
/// </summary>
internal static class TopicAdminEndpoints
{
    /// <summary>A bound on partitions per topic, so a typo cannot exhaust the in-memory cluster.</summary>
    internal const int MaxPartitions = 10_000;

    /// <summary>
    /// Maps <c>GET {prefix}/topics/{name}</c>, <c>POST {prefix}/topics</c> and <c>GET {prefix}/cluster</c>, served by
    /// <paramref name="admin"/>.
    /// </summary>
    internal static RouteGroupBuilder MapTopicAdmin(this IEndpointRouteBuilder endpoints, string prefix, ITopicAdmin admin)
    {
        var routes = endpoints.MapGroup(prefix);
        routes.MapGet("/cluster", async (CancellationToken ct) =>
            Results.Ok(new ClusterMessage((await admin.GetClusterIdentityAsync([], ct)).ClusterId)));
        routes.MapGet("/topics/{name}", (string name, CancellationToken ct) => GetTopic(admin, name, ct));
        routes.MapPost("/topics", (HttpRequest request, CancellationToken ct) => CreateTopic(admin, request, ct));
        return routes;
    }

    private static async Task<IResult> GetTopic(ITopicAdmin admin, string name, CancellationToken ct)
    {
        if (TopicNames.Problem(name) is { } problem)
        {
            return BadRequest(problem);
        }

        var counts = await admin.GetPartitionCountsAsync([name], ct);
        return counts.TryGetValue(name, out var partitions)
            ? Results.Ok(new TopicMessage(name, partitions))
            : Results.Problem($"Topic '{name}' does not exist.", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CreateTopic(ITopicAdmin admin, HttpRequest request, CancellationToken ct)
    {
        TopicMessage? body;
        try
        {
            body = await request.ReadFromJsonAsync<TopicMessage>(ct);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: the content type is not JSON.
            return BadRequest($"The body must be JSON {{\"name\", \"partitions\", \"configs\"}}: {ex.Message}");
        }

        if (body is null)
        {
            return BadRequest("The body must be JSON {\"name\", \"partitions\", \"configs\"}, not null.");
        }

        if (TopicNames.Problem(body.Name) is { } problem)
        {
            return BadRequest(problem);
        }

        if (body.Partitions is < 1 or > MaxPartitions)
        {
            return BadRequest($"\"partitions\" must be 1 to {MaxPartitions} (was {body.Partitions}).");
        }

        var name = body.Name!;
        var existing = await admin.GetPartitionCountsAsync([name], ct);
        if (existing.TryGetValue(name, out var partitions))
        {
            return Results.Ok(new TopicMessage(name, partitions));
        }

        await admin.CreateTopicsAsync([new TopicDefinition(name, body.Partitions, body.Configs ?? new Dictionary<string, string>())], ct);

        // Read back: another worker may have created it first, with its own partition count, and that one stands.
        var created = await admin.GetPartitionCountsAsync([name], ct);
        return Results.Created($"{request.PathBase}{request.Path}/{Uri.EscapeDataString(name)}", new TopicMessage(name, created[name]));
    }

    private static IResult BadRequest(string reason) => Results.Problem(reason, statusCode: StatusCodes.Status400BadRequest);
}
