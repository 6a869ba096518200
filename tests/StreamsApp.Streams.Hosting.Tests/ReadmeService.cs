using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Hosting.Tests;

/// <summary>README's "A service of your own", line for line between the markers, so that it stays true.</summary>
internal static class ReadmeService
{
    /// <summary>The service, with <paramref name="testServices"/> added where README's service has nothing (the test's cluster).</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection> testServices)
    {
        // README begin
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddKafkaStreams(builder.Configuration.GetSection("Streams"), streams => streams
            .Stream("orders", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupByKey()
            .Count(materialized: Materialized.As<string, long>("orders-per-customer")));
        builder.Services.AddHealthChecks().AddKafkaStreams();
        // README skip
        testServices(builder.Services);
        // README resume

        var app = builder.Build();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(KafkaStreamsHealthChecks.ReadyTag) });
        app.MapHealthChecks("/health/live", new() { Predicate = check => check.Tags.Contains(KafkaStreamsHealthChecks.LiveTag) });
        app.MapGet("/customers/{id}/orders", (string id, IKafkaStreamsInstance streams) =>
            streams.KeyValueStore<string, long>("orders-per-customer").TryGet(id, out var count)
                ? Results.Ok(new { customer = id, orders = count })
                : Results.NotFound());
        // README end
        return app;
    }
}
