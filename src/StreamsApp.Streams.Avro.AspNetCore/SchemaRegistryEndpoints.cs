using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamsApp.Streams.Avro.Internal;

namespace StreamsApp.Streams.Avro.AspNetCore;

/// <summary>
/// Confluent Schema Registry's REST API, the subset <see cref="HttpSchemaRegistryClient"/> uses: register, look up,
/// schema by id, latest version, compatibility test and compatibility config. Errors answer with Confluent's body,
/// <c>{"error_code": 40401, "message": "..."}</c>, and the HTTP status that goes with the code.
/// </summary>
public static class SchemaRegistryEndpoints
{
    /// <summary>Maps the registry's routes at the root of <paramref name="endpoints"/>, served by <paramref name="registry"/>.</summary>
    /// <param name="endpoints">Where to map the routes (a <c>WebApplication</c>, or a group for a path prefix).</param>
    /// <param name="registry">The registry behind the routes, usually an <see cref="InMemorySchemaRegistry"/>.</param>
    /// <returns>The group of the registry's routes, for further conventions.</returns>
    public static RouteGroupBuilder MapSchemaRegistry(this IEndpointRouteBuilder endpoints, ISchemaRegistryClient registry)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(registry);

        var routes = endpoints.MapGroup(string.Empty);
        routes.AddEndpointFilter(AnswerRegistryErrors);

        routes.MapPost("/subjects/{subject}/versions", async (string subject, SchemaMessage body, CancellationToken ct) =>
            Json(new IdMessage(await registry.RegisterSchemaAsync(subject, body.Schema, ct))));
        routes.MapPost("/subjects/{subject}", async (string subject, SchemaMessage body, CancellationToken ct) =>
            Json(Message(await registry.LookupSchemaAsync(subject, body.Schema, ct))));
        routes.MapGet("/schemas/ids/{id:int}", async (int id, CancellationToken ct) =>
            Json(new SchemaMessage(await registry.GetSchemaAsync(id, ct))));
        routes.MapGet("/subjects/{subject}/versions/latest", async (string subject, CancellationToken ct) =>
            Json(Message(await registry.GetLatestSchemaAsync(subject, ct))));
        routes.MapPost("/compatibility/subjects/{subject}/versions/latest", async (string subject, SchemaMessage body, CancellationToken ct) =>
        {
            var result = await registry.TestCompatibilityAsync(subject, body.Schema, ct);
            return Json(new CompatibilityMessage(result.IsCompatible, result.Messages));
        });
        routes.MapGet("/config", (CancellationToken ct) => GetConfig(registry, subject: null, ct));
        routes.MapGet("/config/{subject}", (string subject, CancellationToken ct) => GetConfig(registry, subject, ct));
        routes.MapPut("/config", (ConfigMessage body, CancellationToken ct) => SetConfig(registry, subject: null, body, ct));
        routes.MapPut("/config/{subject}", (string subject, ConfigMessage body, CancellationToken ct) =>
            SetConfig(registry, subject, body, ct));
        return routes;
    }

    // The registry reports every refusal as a SchemaRegistryException; a remote client gets it as Confluent's body.
    private static async ValueTask<object?> AnswerRegistryErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (SchemaRegistryException ex)
        {
            var code = ex.ErrorCode ?? SchemaRegistryErrorCodes.InternalError;
            return Results.Json(
                new ErrorMessage(code, ex.Message), options: null, RegistryTransport.MediaType, ex.HttpStatusCode);
        }
    }

    private static async Task<IResult> GetConfig(ISchemaRegistryClient registry, string? subject, CancellationToken ct)
    {
        var level = await registry.GetCompatibilityAsync(subject, ct);
        return Json(new ConfigMessage(Compatibility: null, CompatibilityLevelNames.ToName(level)));
    }

    private static async Task<IResult> SetConfig(
        ISchemaRegistryClient registry, string? subject, ConfigMessage body, CancellationToken ct)
    {
        var level = CompatibilityLevelNames.Parse(body.Level);
        await registry.SetCompatibilityAsync(subject, level, ct);
        return Json(new ConfigMessage(CompatibilityLevelNames.ToName(level), CompatibilityLevel: null));
    }

    private static SubjectVersionMessage Message(RegisteredSchema schema) =>
        new(schema.Subject, schema.Version, schema.Id, schema.Schema);

    private static IResult Json<T>(T body) => Results.Json(body, options: null, RegistryTransport.MediaType);
}
