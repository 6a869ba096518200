using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using StreamsApp.Worker.Tests.Api.Queries;

namespace StreamsApp.Worker.Tests.Api.OpenApi;

/// <summary><c>/openapi/v1.json</c> against what the running worker maps and answers (on the query tests' worker).</summary>
[Collection(QueryWorkerCollection.Name)]
public sealed class ApiDescriptionTests(QueryWorkerFixture fixture)
{
    // Operations whose handler answers no client or availability error of its own (a health endpoint's 503 is its
    // health report, not a problem); every other operation must declare the problems it can answer.
    private static readonly string[] CannotFail =
        ["GET /health/live", "GET /health/ready", "GET /metrics", "GET /dlt", "GET /stores", "GET /", "GET /console/live", "GET /console/activity"];

    private WorkerHost Host => fixture.Host;

    [Fact]
    public async Task TheDocumentIsAValidOpenApi3Document()
    {
        var api = await ApiDocument.FetchAsync(Host.Client);

        Assert.Empty(api.Diagnostic.Errors);
        Assert.StartsWith("OpenApi3", api.Diagnostic.SpecificationVersion.ToString(), StringComparison.Ordinal);
        Assert.Empty(api.Document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Contains("Schema Registry", api.Document.Info.Description, StringComparison.Ordinal);
        Assert.All(api.Operations, op =>
        {
            Assert.False(string.IsNullOrEmpty(op.Operation.OperationId), $"{op.Name} has no operationId");
            Assert.False(string.IsNullOrEmpty(op.Operation.Summary), $"{op.Name} has no summary");
            Assert.NotEmpty(op.Operation.Tags ?? new HashSet<OpenApiTagReference>());
            Assert.Contains(op.Operation.Responses!.Keys, status => status.StartsWith('2'));
        });
    }

    [Fact]
    public async Task EveryMappedRouteIsAnOperationAndEveryOperationAMappedRoute()
    {
        var routes = ((IEndpointRouteBuilder)Host.App).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().ToList();
        var anyMethod = routes.Where(r => r.Metadata.GetMetadata<IHttpMethodMetadata>() is null).Select(r => r.RoutePattern.RawText);
        var mapped = routes
            .SelectMany(r => (r.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => $"{method} {r.RoutePattern.RawText}"))
            .ToHashSet();
        var api = await ApiDocument.FetchAsync(Host.Client);

        // An endpoint that answers any method cannot be described operation by operation.
        Assert.Empty(anyMethod);
        Assert.Contains("GET /openapi/{documentName}.json", mapped);
        mapped.Remove("GET /openapi/{documentName}.json");
        Assert.Equal(mapped.Order(StringComparer.Ordinal), api.Operations.Select(op => op.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryOperationThatCanFailDeclaresItsProblems()
    {
        var api = await ApiDocument.FetchAsync(Host.Client);

        Assert.All(CannotFail, name => Assert.Contains(api.Operations, op => op.Name == name));
        Assert.All(api.Operations.Where(op => !CannotFail.Contains(op.Name)), op => Assert.NotEmpty(op.Errors));
        // Errors are problem details, a health endpoint's 503 (its report) aside.
        Assert.All(
            api.Operations.SelectMany(op => op.Errors.Select(e => (op.Name, e.Status, e.Response))).Where(e => !e.Name.StartsWith("GET /health/", StringComparison.Ordinal)),
            error => Assert.True(ApiOperation.IsProblem(error.Response), $"{error.Name} {error.Status} is not application/problem+json"));
    }

    // Requests each handler refuses: the answer must be a problem the document declares for that operation.
    [Theory]
    [InlineData("GET", "/orders?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/orders/no-such-order", HttpStatusCode.NotFound)]
    [InlineData("GET", "/orders/any?minVersion=0", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/orders/any?minVersion=1&wait=forever", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/orders/no-such-order/acceptance", HttpStatusCode.NotFound)]
    [InlineData("POST", "/orders", HttpStatusCode.BadRequest, "{\"customerId\":\"c-ada\"}")]
    [InlineData("POST", "/orders?wait=forever", HttpStatusCode.BadRequest, "{}")]
    [InlineData("GET", "/customers/no-such-customer", HttpStatusCode.NotFound)]
    [InlineData("GET", "/products/p-book/sales?from=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/sagas/no-such-saga", HttpStatusCode.NotFound)]
    [InlineData("GET", "/sagas?state=LOST", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/stores/no-such-store", HttpStatusCode.NotFound)]
    [InlineData("GET", "/stores/projections-order-views?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/stores/no-such-store/keys/k", HttpStatusCode.NotFound)]
    [InlineData("GET", "/stores/projections-product-sales/keys/p-book?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/dlt/no-such-topic.DLT", HttpStatusCode.NotFound)]
    [InlineData("GET", "/dlt/orders.events.DLT?from=start", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/dlt/no-such-topic.DLT/replay", HttpStatusCode.NotFound, "{}")]
    [InlineData("POST", "/dlt/orders.events.DLT/replay", HttpStatusCode.BadRequest, "{\"fromOffset\":9,\"toOffset\":1}")]
    [InlineData("GET", "/topology?format=pdf", HttpStatusCode.BadRequest)]
    public async Task EachRefusalIsAProblemTheDocumentDeclares(string method, string pathAndQuery, HttpStatusCode expected, string? body = null)
    {
        var api = await ApiDocument.FetchAsync(Host.Client);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(pathAndQuery, UriKind.Relative));
        request.Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.True(ApiOperation.IsProblem(response));
        var operation = api.Find(method, pathAndQuery.Split('?')[0]);
        Assert.NotNull(operation);
        var declared = operation.Response((int)expected);
        Assert.True(declared is not null && ApiOperation.IsProblem(declared), $"{operation.Name} does not declare the {(int)expected} problem it answers");
    }
}
