using Confluent.SchemaRegistry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Avro.AspNetCore;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>
/// The registry's REST endpoints (<see cref="SchemaRegistryEndpoints"/>) over an <see cref="InMemorySchemaRegistry"/>,
/// on Kestrel at 127.0.0.1 and a free port: the real server Confluent's client talks to in these tests.
/// </summary>
internal sealed class RegistryTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private RegistryTestServer(WebApplication app, InMemorySchemaRegistry registry)
    {
        _app = app;
        Registry = registry;
    }

    public InMemorySchemaRegistry Registry { get; }

    /// <summary>The bound address (Kestrel replaces port 0 with the one it got).</summary>
    public Uri Url => new(_app.Urls.Single());

    /// <summary>Confluent's client of this server, disposed with it.</summary>
    public CachedSchemaRegistryClient Client { get; private set; } = null!;

    /// <summary>The Authorization header of the last request that had one.</summary>
    public string? LastAuthorization { get; private set; }

    /// <summary>Requests served so far, to tell cached answers from asked ones.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The Content-Type of the last request with a body.</summary>
    public string? LastContentType { get; private set; }

    /// <summary>Starts the server, with Confluent's client configured by <paramref name="clientConfig"/> on top of the URL.</summary>
    public static async Task<RegistryTestServer> StartAsync(IEnumerable<KeyValuePair<string, string>>? clientConfig = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new RegistryTestServer(builder.Build(), new InMemorySchemaRegistry());
        server.MapRoutes();
        await server._app.StartAsync();
        server.Client = new CachedSchemaRegistryClient([.. clientConfig ?? [], new("schema.registry.url", server.Url.ToString())]);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    private void MapRoutes()
    {
        _app.Use((context, next) =>
        {
            Interlocked.Increment(ref _requests);
            LastContentType = context.Request.ContentType ?? LastContentType;
            LastAuthorization = context.Request.Headers.Authorization.FirstOrDefault() ?? LastAuthorization;
            return next(context);
        });
        _app.MapSchemaRegistry(Registry);
    }
}
