using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Avro.Internal;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>
/// Confluent's REST subset over an <see cref="InMemorySchemaRegistry"/>, on Kestrel at 127.0.0.1 and a free port:
/// the minimal handler the worker will host, and the real server the HTTP client's tests talk to.
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

    /// <summary>A client of this server, disposed with it.</summary>
    public HttpSchemaRegistryClient Client { get; private set; } = null!;

    /// <summary>Requests served so far, to tell cached answers from asked ones.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The Content-Type of the last request with a body.</summary>
    public string? LastContentType { get; private set; }

    public static async Task<RegistryTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new RegistryTestServer(builder.Build(), new InMemorySchemaRegistry());
        server.MapRoutes();
        await server._app.StartAsync();
        server.Client = new HttpSchemaRegistryClient(new SchemaRegistryClientOptions { Url = server.Url });
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    private void MapRoutes()
    {
        var registry = Registry;
        _app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref _requests);
            LastContentType = context.Request.ContentType ?? LastContentType;
            try
            {
                await next(context);
            }
            catch (SchemaRegistryException ex)
            {
                context.Response.StatusCode = ex.HttpStatusCode;
                await context.Response.WriteAsJsonAsync(
                    new ErrorMessage(ex.ErrorCode ?? SchemaRegistryErrorCodes.InternalError, ex.Message),
                    options: null,
                    contentType: RegistryTransport.MediaType);
            }
        });

        _app.MapPost("/subjects/{subject}/versions", async (string subject, SchemaMessage body) =>
            Json(new IdMessage(await registry.RegisterSchemaAsync(subject, body.Schema))));
        _app.MapPost("/subjects/{subject}", async (string subject, SchemaMessage body) =>
            Json(Message(await registry.LookupSchemaAsync(subject, body.Schema))));
        _app.MapGet("/schemas/ids/{id:int}", async (int id) => Json(new SchemaMessage(await registry.GetSchemaAsync(id))));
        _app.MapGet("/subjects/{subject}/versions/latest", async (string subject) =>
            Json(Message(await registry.GetLatestSchemaAsync(subject))));
        _app.MapPost("/compatibility/subjects/{subject}/versions/latest", async (string subject, SchemaMessage body) =>
        {
            var result = await registry.TestCompatibilityAsync(subject, body.Schema);
            return Json(new CompatibilityMessage(result.IsCompatible, result.Messages));
        });
        _app.MapGet("/config", () => GetConfig(registry, subject: null));
        _app.MapGet("/config/{subject}", (string subject) => GetConfig(registry, subject));
        _app.MapPut("/config", (ConfigMessage body) => SetConfig(registry, subject: null, body));
        _app.MapPut("/config/{subject}", (string subject, ConfigMessage body) => SetConfig(registry, subject, body));
    }

    private static async Task<IResult> GetConfig(InMemorySchemaRegistry registry, string? subject)
    {
        var level = await registry.GetCompatibilityAsync(subject);
        return Json(new ConfigMessage(Compatibility: null, CompatibilityLevelNames.ToName(level)));
    }

    private static async Task<IResult> SetConfig(InMemorySchemaRegistry registry, string? subject, ConfigMessage body)
    {
        var level = CompatibilityLevelNames.Parse(body.Level);
        await registry.SetCompatibilityAsync(subject, level);
        return Json(new ConfigMessage(CompatibilityLevelNames.ToName(level), CompatibilityLevel: null));
    }

    private static SubjectVersionMessage Message(RegisteredSchema schema) =>
        new(schema.Subject, schema.Version, schema.Id, schema.Schema);

    private static IResult Json<T>(T body) => Results.Json(body, contentType: RegistryTransport.MediaType);
}
