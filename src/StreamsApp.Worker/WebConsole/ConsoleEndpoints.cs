using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using StreamsApp.Worker.Api.Queries;

namespace StreamsApp.Worker.WebConsole;

/// <summary>
/// The web console: its page at <c>/</c> and its scripts and styles under <see cref="AssetsPath"/>, built into the
/// worker (no CDN: the machines it runs on may be offline), the live feed at <see cref="LivePath"/>
/// (<see cref="LiveFeed"/>) and each worker's own activity at <see cref="ActivityPath"/>, which the feed asks the
/// others for. The page and its assets hold no data and are served without the API key, which the page asks for
/// and sends with every call, as any client does.
/// </summary>
internal static class ConsoleEndpoints
{
    /// <summary>Where the page's scripts and styles are served.</summary>
    public const string AssetsPath = "/console/assets";

    /// <summary>The live feed (Server-Sent Events).</summary>
    public const string LivePath = "/console/live";

    /// <summary>This worker's activity (<see cref="WorkerActivity"/>).</summary>
    public const string ActivityPath = "/console/activity";

    private static readonly EmbeddedFileProvider Assets = new EmbeddedFileProvider(typeof(ConsoleEndpoints).Assembly, typeof(ConsoleEndpoints).Namespace + ".Assets");

    /// <summary>Whether <paramref name="request"/> asks for the page or an asset, which need no API key.</summary>
    public static bool IsPublic(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && (request.Path == "/" || request.Path.StartsWithSegments(AssetsPath));

    /// <summary>The services the console's endpoints use.</summary>
    public static IServiceCollection AddWebConsole(this IServiceCollection services) =>
        services.AddSingleton<ClusterActivityReader>().AddSingleton<LiveFeed>();

    /// <summary>Serves the assets; first in the pipeline, since they need nothing the later middleware does.</summary>
    public static IApplicationBuilder UseWebConsoleAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions { FileProvider = Assets, RequestPath = AssetsPath });

    /// <summary>Maps the page, the live feed and the activity endpoint.</summary>
    public static WebApplication MapWebConsole(this WebApplication app)
    {
        app.MapGet("/", () => Results.Stream(Assets.GetFileInfo("index.html").CreateReadStream(), "text/html; charset=utf-8"));
        app.MapGet(LivePath, (HttpContext context, LiveFeed feed) => TypedResults.ServerSentEvents(feed.ReadAsync(context)));
        app.MapGet(ActivityPath, (ClusterActivityReader reader) => Results.Json(reader.ReadLocal(), ContractJson.Options));
        return app;
    }
}
