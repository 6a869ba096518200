using System.Globalization;
using Confluent.SchemaRegistry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamsApp.Streams.Avro.Internal;

namespace StreamsApp.Streams.Avro.AspNetCore;

/// <summary>
/// Confluent Schema Registry's REST API over an <see cref="InMemorySchemaRegistry"/>, as Confluent's own clients and
/// serializers call it (<see cref="CachedSchemaRegistryClient"/>): register, look up, schema by id, subjects and their
/// versions, soft and permanent deletes, compatibility test and compatibility config. Errors, unknown routes included,
/// answer with Confluent's body, <c>{"error_code": 40401, "message": "..."}</c>, and the HTTP status that goes with
/// the code.
/// </summary>
public static class SchemaRegistryEndpoints
{
    /// <summary>The registry's media type, which its answers carry.</summary>
    public const string MediaType = "application/vnd.schemaregistry.v1+json";

    /// <summary>Maps the registry's routes at the root of <paramref name="endpoints"/>, served by <paramref name="registry"/>.</summary>
    /// <param name="endpoints">Where to map the routes (a <c>WebApplication</c>, or a group for a path prefix).</param>
    /// <param name="registry">The registry behind the routes.</param>
    /// <returns>The group of the registry's routes, for further conventions.</returns>
    public static RouteGroupBuilder MapSchemaRegistry(this IEndpointRouteBuilder endpoints, InMemorySchemaRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(registry);

        var routes = endpoints.MapGroup(string.Empty);
        routes.AddEndpointFilter(AnswerRegistryErrors);

        routes.MapGet("/subjects", (bool? deleted) => Json(registry.Subjects(deleted ?? false)));
        routes.MapPost("/subjects/{subject}/versions", async (string subject, SchemaMessage body) =>
            Json(new IdMessage(await registry.RegisterSchemaAsync(subject, body.Schema))));
        routes.MapPost("/subjects/{subject}", async (string subject, SchemaMessage body, bool? deleted) =>
            Json(Message(await registry.LookupSchemaAsync(subject, new Schema(body.Schema, SchemaType.Avro), ignoreDeletedSchemas: deleted != true))));
        routes.MapGet("/subjects/{subject}/versions", (string subject, bool? deleted) => Json(registry.VersionNumbers(subject, deleted ?? false)));
        routes.MapGet("/subjects/{subject}/versions/{version}", async (string subject, string version, bool? deleted) =>
            Json(Message(await registry.GetRegisteredSchemaAsync(subject, Version(version), ignoreDeletedSchemas: deleted != true))));
        routes.MapDelete("/subjects/{subject}", (string subject, bool? permanent) => Json(registry.DeleteSubject(subject, permanent ?? false)));
        routes.MapDelete("/subjects/{subject}/versions/{version}", (string subject, string version, bool? permanent) =>
            Json(registry.DeleteVersion(subject, Version(version), permanent ?? false)));
        routes.MapGet("/schemas/ids/{id:int}", async (int id) => Json(new SchemaMessage((await registry.GetSchemaAsync(id)).SchemaString)));
        routes.MapPost("/compatibility/subjects/{subject}/versions/latest", (string subject, SchemaMessage body) =>
        {
            var result = registry.TestCompatibility(subject, body.Schema);
            return Json(new CompatibilityMessage(result.IsCompatible, result.Messages));
        });
        routes.MapGet("/config", () => GetConfig(registry, subject: null));
        routes.MapGet("/config/{subject}", (string subject) => GetConfig(registry, subject));
        routes.MapPut("/config", (ConfigMessage body) => SetConfig(registry, subject: null, body));
        routes.MapPut("/config/{subject}", (string subject, ConfigMessage body) => SetConfig(registry, subject, body));
        // Confluent's registry answers a path it does not serve with its error body too.
        routes.MapFallback(() => Error(SchemaRegistryErrorCodes.NotFound, "HTTP 404 Not Found"));
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
            return Error(ex.ErrorCode, ex.Message);
        }
    }

    private static IResult Error(int code, string message) =>
        Results.Json(new ErrorMessage(code, message), options: null, MediaType, (int)RegistryErrors.Status(code));

    // "latest" is -1, as the registry's own API takes it.
    private static int Version(string version) =>
        version == "latest" ? -1
        : int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number
        : throw RegistryErrors.Of(SchemaRegistryErrorCodes.InvalidVersion, $"The specified version '{version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");

    private static async Task<IResult> GetConfig(InMemorySchemaRegistry registry, string? subject) =>
        Json(new ConfigMessage(Compatibility: null, CompatibilityLevelNames.ToName(await registry.GetCompatibilityAsync(subject!))));

    private static async Task<IResult> SetConfig(InMemorySchemaRegistry registry, string? subject, ConfigMessage body)
    {
        var level = await registry.UpdateCompatibilityAsync(CompatibilityLevelNames.Parse(body.Level), subject!);
        return Json(new ConfigMessage(CompatibilityLevelNames.ToName(level), CompatibilityLevel: null));
    }

    private static SubjectVersionMessage Message(RegisteredSchema schema) => new(schema.Subject, schema.Version, schema.Id, schema.SchemaString);

    private static IResult Json<T>(T body) => Results.Json(body, options: null, MediaType);
}
