using System.Net;
using System.Net.Http.Headers;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace StreamsApp.Worker.Tests.Api.OpenApi;

/// <summary>The worker's OpenAPI document as a running worker serves it, parsed with Microsoft.OpenApi, and its operations.</summary>
internal sealed class ApiDocument
{
    /// <summary>Where the worker serves it; the one route the document leaves out, as it describes the API, not itself.</summary>
    public const string Path = "/openapi/v1.json";

    private ApiDocument(OpenApiDocument document, OpenApiDiagnostic diagnostic)
    {
        Document = document;
        Diagnostic = diagnostic;
        Operations = [.. document.Paths.SelectMany(path => path.Value.Operations!.Select(op => new ApiOperation(path.Key, op.Key.Method, op.Value)))];
    }

    public OpenApiDocument Document { get; }

    /// <summary>What the reader found: the specification version, and errors (the default validation rules' included).</summary>
    public OpenApiDiagnostic Diagnostic { get; }

    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>GETs and parses the document; with <paramref name="apiKey"/>, sent in <c>X-Api-Key</c>.</summary>
    public static async Task<ApiDocument> FetchAsync(HttpClient client, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Path, UriKind.Relative));
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var (document, diagnostic) = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), "json");
        Assert.NotNull(document);
        return new ApiDocument(document, diagnostic!);
    }

    /// <summary>
    /// The operation a request for <paramref name="path"/> (no query; a segment may be a README placeholder such as
    /// <c>&lt;id&gt;</c>) reaches, as routing picks it: of the templates that match, the one with the most literal
    /// segments (<c>/sagas/statistics</c> before <c>/sagas/{id}</c>). Null when none matches.
    /// </summary>
    public ApiOperation? Find(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        return Operations
            .Where(op => op.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && Matches(op.Path.Trim('/').Split('/'), segments))
            .OrderBy(op => op.Path.Count(c => c == '{'))
            .FirstOrDefault();
    }

    private static bool Matches(string[] template, string[] segments) =>
        template.Length == segments.Length
        && template.Zip(segments).All(pair => pair.First.StartsWith('{') ? pair.Second.Length > 0 : pair.First == pair.Second);
}

/// <summary>One operation of the document.</summary>
internal sealed record ApiOperation(string Path, string Method, OpenApiOperation Operation)
{
    public string Name => $"{Method} {Path}";

    public override string ToString() => Name;

    public IEnumerable<string> QueryParameters =>
        Operation.Parameters?.Where(p => p.In == ParameterLocation.Query).Select(p => p.Name!) ?? [];

    /// <summary>The response for <paramref name="status"/>, null when none is declared.</summary>
    public IOpenApiResponse? Response(int status) =>
        Operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The declared error responses (4xx, 5xx) by status code.</summary>
    public IEnumerable<(int Status, IOpenApiResponse Response)> Errors =>
        Operation.Responses?.Select(r => (Status: int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture), r.Value)).Where(r => r.Status >= 400) ?? [];

    /// <summary>Whether <paramref name="response"/> is a problem details answer.</summary>
    public static bool IsProblem(IOpenApiResponse response) =>
        response.Content?.TryGetValue("application/problem+json", out var media) == true
        && media.Schema is OpenApiSchemaReference { Reference.Id: "ProblemDetails" };

    /// <summary>Whether <paramref name="response"/> of a request is a problem details answer by its content type.</summary>
    public static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: "application/problem+json" };
}
