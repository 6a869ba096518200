using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace StreamsApp.Worker.Api.OpenApi;

/// <summary>
/// The worker's OpenAPI document at <see cref="Path"/>, generated from the endpoints' metadata (their names, tags,
/// parameters, bodies and <c>Produces</c> declarations, <see cref="EndpointDocs"/>). It describes every endpoint the
/// worker maps, <c>/metrics</c> included. It is behind the API key, as every endpoint is but the health endpoints and
/// the console's page: a client allowed to call the API may read its description, and nobody else needs it.
/// </summary>
internal static class ApiDescription
{
    /// <summary>Where the document is served.</summary>
    public const string Path = "/openapi/v1.json";

    private const string ApiKeyScheme = "ApiKey";

    private const string Description =
        "The StreamsApp worker's HTTP API: orders (POST /orders, idempotent by order id), the sagas and the projections' " +
        "read models by key, any queryable store, dead-letter topics and their replay, the topology, health and Prometheus " +
        "metrics. A query about a key is answered by the worker owning it, forwarded there when another does; a 503 " +
        "carries Retry-After and means try again shortly. Errors are RFC 9457 problem details (application/problem+json). " +
        "Not described: the Schema Registry (Confluent's API) and topic administration (/admin) that a streamsapp-kafka " +
        "cluster serves on its own port; the worker maps neither.";

    /// <summary>
    /// Registers the document; with an API key, it declares the key's scheme and, on every operation not marked
    /// <see cref="IAllowAnonymous"/>, the 401. Its schemas follow the application's JSON options
    /// (<c>ConfigureHttpJsonOptions</c>), which the caller sets as its endpoints write.
    /// </summary>
    /// <param name="services">The worker's services.</param>
    /// <param name="apiKeyHeader">The header carrying the API key; null when no key is required.</param>
    public static IServiceCollection AddApiDescription(this IServiceCollection services, string? apiKeyHeader) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "StreamsApp worker";
                document.Info.Description = Description;
                return Task.CompletedTask;
            });
            if (apiKeyHeader is not null)
            {
                options.AddDocumentTransformer((document, _, _) =>
                {
                    document.Components ??= new OpenApiComponents();
                    document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                    document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = apiKeyHeader,
                        Description = "Http:ApiKey; every endpoint but the health endpoints and the console's page asks for it",
                    };
                    return Task.CompletedTask;
                });
                options.AddOperationTransformer((operation, context, _) =>
                {
                    if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
                    {
                        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] }];
                        EndpointDocs.AddProblem(operation, context.Document!, StatusCodes.Status401Unauthorized, $"The {apiKeyHeader} header is missing or wrong");
                    }

                    return Task.CompletedTask;
                });
            }
        });

    /// <summary>Serves the document at <see cref="Path"/>.</summary>
    /// <param name="endpoints">The worker's endpoints.</param>
    public static IEndpointRouteBuilder MapApiDescription(this IEndpointRouteBuilder endpoints)
    {
        // The default route, /openapi/{documentName}.json, with the default document, v1.
        endpoints.MapOpenApi();
        return endpoints;
    }
}
