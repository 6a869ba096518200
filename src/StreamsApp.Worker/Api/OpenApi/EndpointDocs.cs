using System.Globalization;
using System.Net.Mime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace StreamsApp.Worker.Api.OpenApi;

/// <summary>
/// What the endpoints declare for the API description (<see cref="ApiDescription"/>), one helper per kind of endpoint,
/// so each <c>Map*</c> call adds a line or two: its tag, operation id and summary, and the problem responses its kind
/// can answer.
/// </summary>
internal static class EndpointDocs
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>The tags grouping the operations.</summary>
    public static class Tags
    {
        public const string Orders = "Orders";
        public const string ReadModels = "Read models";
        public const string Sagas = "Sagas";
        public const string Stores = "Stores";
        public const string DeadLetters = "Dead letters";
        public const string Operations = "Operations";
        public const string Console = "Web console";
    }

    /// <summary>The operation's tag, id (the endpoint's name) and one-line summary.</summary>
    public static TBuilder Documented<TBuilder>(this TBuilder builder, string tag, string name, string summary)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags(tag).WithName(name).WithSummary(summary);

    /// <summary>
    /// Makes an endpoint mapped with a bare request delegate (health checks, the Prometheus exporter) a GET operation
    /// of the description. Such an endpoint answers any method and has no handler method, and the API explorer lists
    /// only endpoints with both: it is limited to GET, the method its clients use, and its delegate's method stands in
    /// for a handler's (taking only the HttpContext, it adds no parameters).
    /// </summary>
    public static TBuilder AsDescribedGet<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => endpoint.Metadata.Add(endpoint.RequestDelegate!.Method));
        return builder.WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
    }

    /// <summary>A response of an endpoint that is not a route handler (<see cref="AsDescribedGet"/>), which has no <c>Produces</c>.</summary>
    public static TBuilder Answers<TBuilder>(this TBuilder builder, int status, Type type, string contentType)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(status, type, [contentType]));

    /// <summary>
    /// A read answered through <c>StoreQueryRouter</c>: 404 for an unknown key or a store the running topology lacks,
    /// 503 with <c>Retry-After</c> when it cannot be answered now (runtime not running, rebalancing, owner unreachable).
    /// </summary>
    public static RouteHandlerBuilder ProducesQueryProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>An endpoint reading a JSON body itself: 400 for a body it cannot use, 413 for one over <c>Http:MaxRequestBodyBytes</c>.</summary>
    public static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder builder, bool isOptional = false)
        where TBody : notnull =>
        builder.Accepts<TBody>(isOptional, MediaTypeNames.Application.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>
    /// The wait a handler reads from the request itself (<see cref="OrderWait"/>), so the generator cannot see it:
    /// <c>?wait=</c> and RFC 7240's <c>Prefer: wait=</c>.
    /// </summary>
    public static RouteHandlerBuilder WithWait(this RouteHandlerBuilder builder, string what) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            AddParameter(operation, ParameterLocation.Query, "wait", $"How long to wait for {what}: 10s, 500ms or 10 (seconds), at most {OrderWait.Max.TotalSeconds:0} s");
            AddParameter(operation, ParameterLocation.Header, "Prefer", "wait=<seconds> (RFC 7240), as ?wait=; ignored when ?wait= is given");
            return Task.CompletedTask;
        });

    /// <summary>A request header the handler reads itself.</summary>
    public static RouteHandlerBuilder WithHeader(this RouteHandlerBuilder builder, string name, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            AddParameter(operation, ParameterLocation.Header, name, description);
            return Task.CompletedTask;
        });

    /// <summary>Adds a problem-details response, for a transformer adding one that many operations can give.</summary>
    public static void AddProblem(OpenApiOperation operation, OpenApiDocument document, int status, string description)
    {
        operation.Responses ??= [];
        operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), document) },
            },
        };
    }

    private static void AddParameter(OpenApiOperation operation, ParameterLocation location, string name, string description)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter { Name = name, In = location, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
    }
}
