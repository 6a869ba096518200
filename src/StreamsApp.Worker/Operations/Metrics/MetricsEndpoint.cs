using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace StreamsApp.Worker.Operations.Metrics;

/// <summary><c>GET /metrics</c> in the Prometheus text exposition format.</summary>
internal static class MetricsEndpoint
{
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", async (HttpContext context) =>
        {
            var bridge = context.RequestServices.GetRequiredService<StreamsMetricsBridge>();
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await bridge.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        return endpoints;
    }
}
