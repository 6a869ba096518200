using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Avro.AspNetCore;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Kafka.Embedded.Server;

/// <summary>
/// The server's one HTTP endpoint on 127.0.0.1: the Schema Registry every worker shares (so schema ids agree) at the
/// root, as Confluent's registry serves it, and the cluster's topic administration at <see cref="AdminPath"/>.
/// </summary>
internal sealed class ClusterHttpEndpoint : IAsyncDisposable
{
    /// <summary>Where the topic-administration API lives.</summary>
    internal const string AdminPath = "/admin";

    private readonly WebApplication _app;
    private readonly ITopicAdmin _admin;

    private ClusterHttpEndpoint(WebApplication app, ITopicAdmin admin, Uri url)
    {
        _app = app;
        _admin = admin;
        SchemaRegistryUrl = url;
        TopicAdminUrl = new Uri(url, AdminPath);
    }

    /// <summary>The registry's base URL, e.g. <c>http://127.0.0.1:8081</c>.</summary>
    internal Uri SchemaRegistryUrl { get; }

    /// <summary>The topic-administration API's base URL, e.g. <c>http://127.0.0.1:8081/admin</c>.</summary>
    internal Uri TopicAdminUrl { get; }

    /// <summary>Token that fires when the host is asked to stop (SIGINT, SIGTERM).</summary>
    internal CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Starts serving on <paramref name="port"/> (0: any free port).</summary>
    /// <exception cref="IOException">The port could not be bound.</exception>
    internal static async Task<ClusterHttpEndpoint> StartAsync(EmbeddedKafkaCluster cluster, int port)
    {
        // No args: the server's own command line is not host configuration. Content root at the binaries, which hold
        // no appsettings.json: a worker's settings in the current directory are not the server's.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders(); // stdout carries only the lines parents parse.
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var admin = cluster.CreateTopicAdmin();
        try
        {
            app.MapSchemaRegistry(new InMemorySchemaRegistry());
            app.MapTopicAdmin(AdminPath, admin);
            await app.StartAsync();

            // Kestrel reports the port it bound, which port 0 leaves to it.
            return new ClusterHttpEndpoint(app, admin, new Uri(app.Urls.Single()));
        }
        catch
        {
            await app.DisposeAsync();
            admin.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _admin.Dispose();
    }
}
