using System.Net;
using System.Net.Mime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamsApp.Streams.Hosting;
using StreamsApp.Worker.Hosting;
using static StreamsApp.Worker.Api.OpenApi.EndpointDocs;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// <c>GET /topology</c>: Describe() text by default, <c>?format=svg</c> the diagram, <c>?format=html</c> a page with
/// both (what a browser shows), <c>?format=mermaid</c> or <c>?format=dot</c> the same flow as text for docs.
/// </summary>
internal static class TopologyEndpoints
{
    public static IEndpointRouteBuilder MapTopologyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/topology", (string? format, IKafkaStreamsInstance instance) => format?.ToLowerInvariant() switch
        {
            null or "" or "text" => Results.Text(instance.Description.ToString(), "text/plain; charset=utf-8"),
            "svg" => Results.Text(TopologySvgWriter.Write(instance.Description), "image/svg+xml; charset=utf-8"),
            "html" => Results.Text(Page(instance), "text/html; charset=utf-8"),
            "mermaid" => Results.Text(TopologyMermaidWriter.Write(instance.Description), "text/plain; charset=utf-8"),
            "dot" => Results.Text(TopologyDotWriter.Write(instance.Description), "text/vnd.graphviz; charset=utf-8"),
            _ => Results.Problem(title: "Unknown format", detail: "format must be text, svg, html, mermaid or dot", statusCode: StatusCodes.Status400BadRequest),
        })
            .Documented(Tags.Operations, "GetTopology", "The running topology: Describe() text, or with format=svg the diagram, format=html a page with both, format=mermaid or format=dot the flow as text for docs")
            .Produces<string>(StatusCodes.Status200OK, MediaTypeNames.Text.Plain, "image/svg+xml", MediaTypeNames.Text.Html, "text/vnd.graphviz")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static string Page(IKafkaStreamsInstance instance) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>StreamsApp topology</title></head><body>"
        + "<h1>StreamsApp topology</h1>"
        + "<p>Also as <a href=\"?format=svg\">SVG</a>, <a href=\"?format=mermaid\">Mermaid</a> and <a href=\"?format=dot\">DOT</a>.</p>"
        + TopologySvgWriter.Write(instance.Description)
        + "<h2>Describe()</h2><pre>" + WebUtility.HtmlEncode(instance.Description.ToString()) + "</pre></body></html>";
}
