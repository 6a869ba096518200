using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StreamsApp.Worker.Tests.Api.Queries;

/// <summary>
/// A second in-process HTTP server playing another worker that owns keys: it records every request it gets and
/// answers as the test tells it for a path.
/// </summary>
public sealed class FakeOwner : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOwner(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Requests received: path and query, and their headers.</summary>
    public ConcurrentQueue<(string PathAndQuery, IHeaderDictionary Headers)> Received { get; } = new();

    /// <summary>Answers by path: status, JSON body, extra headers. A path not listed gets 200 with <c>{"from":"owner"}</c>.</summary>
    public ConcurrentDictionary<string, (int Status, string Json, Dictionary<string, string> Headers)> Answers { get; } = new();

    public static async Task<FakeOwner> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeOwner? owner = null;
        app.Run(async context =>
        {
            owner!.Received.Enqueue((context.Request.Path + context.Request.QueryString, new HeaderDictionary(context.Request.Headers.ToDictionary())));
            var (status, json, headers) = owner.Answers.TryGetValue(context.Request.Path, out var answer)
                ? answer
                : (200, "{\"from\":\"owner\"}", new Dictionary<string, string>());
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.WriteAsync(json);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        owner = new FakeOwner(app, address.Port);
        return owner;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
