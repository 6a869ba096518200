using System.Net.Mime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using StreamsApp.Worker.Api.Queries;
using static StreamsApp.Worker.Api.OpenApi.EndpointDocs;

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

    /// <summary>The services the console's endpoints use.</summary>
    public static IServiceCollection AddWebConsole(this IServiceCollection services) =>
        services.AddSingleton<ClusterActivityReader>().AddSingleton<LiveFeed>();

    /// <summary>
    /// Serves the assets; first in the pipeline, since they need nothing the later middleware does (the API key
    /// included: like the page, they hold no data).
    /// </summary>
    public static IApplicationBuilder UseWebConsoleAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions { FileProvider = Assets, RequestPath = AssetsPath });

    /// <summary>Maps the page, the live feed and the activity endpoint.</summary>
    public static WebApplication MapWebConsole(this WebApplication app)
    {
        app.MapGet("/", () => Results.Stream(Assets.GetFileInfo("index.html").CreateReadStream(), "text/html; charset=utf-8"))
            .Documented(Tags.Console, "GetConsole", "The web console's page; its scripts and styles are under /console/assets; no API key needed")
            .Produces<string>(StatusCodes.Status200OK, MediaTypeNames.Text.Html).AllowAnonymous();
        app.MapGet(LivePath, (HttpContext context, LiveFeed feed) => TypedResults.ServerSentEvents(feed.ReadAsync(context)))
            .Documented(Tags.Console, "GetLiveFeed", "Server-Sent Events: 'activity' (the cluster's sagas, rates, lag, workers) every second, 'deadletters' ({items}, as GET /dlt) every 5 s")
            .Produces<ConsoleFrame>(StatusCodes.Status200OK, "text/event-stream");
        app.MapGet(ActivityPath, (ClusterActivityReader reader) => Results.Json(reader.ReadLocal(), ContractJson.Options))
            .Documented(Tags.Console, "GetWorkerActivity", "This worker's own activity: state, tasks, sub-topology counters and lag, saga counts")
            .Produces<WorkerActivity>();
        return app;
    }
}
