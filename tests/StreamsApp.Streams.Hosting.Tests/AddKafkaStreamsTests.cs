using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Hosting.Tests.HostingTestKit;

namespace StreamsApp.Streams.Hosting.Tests;

/// <summary>The hosted instance's life with the generic host: validation, start-time configuration, failure, one per host.</summary>
public sealed class AddKafkaStreamsTests
{
    private const string Input = "words";

    private static void Uppercase(StreamsBuilder streams) =>
        streams.Stream(Input, Consumed.With(Serdes.String(), Serdes.String()))
            .MapValues(word => word == "boom" ? throw new InvalidOperationException("a bad word") : word.ToUpperInvariant())
            .To("upper", Produced.With(Serdes.String(), Serdes.String()));

    private static IHost Host(EmbeddedKafkaCluster? cluster, TempDir state, Action<KafkaStreamsServiceBuilder>? configure = null, params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Streams:ApplicationId"] = "hosted-upper",
            ["Streams:BootstrapServers"] = cluster?.BootstrapServers ?? "127.0.0.1:1",
            ["Streams:StateDir"] = state.Path,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        var streams = builder.Services.AddKafkaStreams(builder.Configuration.GetSection("Streams"), Uppercase);
        if (cluster is not null)
        {
            streams.ConfigureHosting(hosting => hosting.TopicAdmin = _ => cluster.CreateTopicAdmin());
        }

        configure?.Invoke(streams);
        builder.Services.AddHealthChecks().AddKafkaStreams();
        return builder.Build();
    }

    [Fact]
    public async Task ABadConfigurationFailsTheStartNamingEveryKey()
    {
        using var state = new TempDir();
        using var host = Host(null, state, settings: [("Streams:ApplicationId", ""), ("Streams:BootstrapServers", ""), ("Streams:NumStreamThreads", "0"), ("Streams:KafkaProperties:enable.auto.commit", "true")]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Streams:ApplicationId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Streams:BootstrapServers is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Streams:NumStreamThreads must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Streams:KafkaProperties:enable.auto.commit", error.Message, StringComparison.Ordinal);
        Assert.Null(host.Services.GetRequiredService<IKafkaStreamsInstance>().Streams);
    }

    [Fact]
    public async Task TheRuntimeStartsWithWhatConfigureAtStartSets()
    {
        await using var cluster = StartCluster(1, Input, "upper");
        using var state = new TempDir();
        using var host = Host(cluster, state, streams => streams.ConfigureAtStart((_, config) => config.ApplicationServer = "127.0.0.1:7070"));
        var instance = host.Services.GetRequiredService<IKafkaStreamsInstance>();
        Assert.Null(instance.ApplicationServer);

        await host.StartAsync();
        await instance.WaitForStateAsync(KafkaStreamsState.Running);

        Assert.Equal("127.0.0.1:7070", instance.ApplicationServer);
        Assert.Contains(instance.Streams!.MetadataForAllStreamsClients(), m => m.HostInfo.ToString() == "127.0.0.1:7070");
        await host.StopAsync();
        Assert.Equal(KafkaStreamsState.NotRunning, instance.State);
    }

    [Fact]
    public async Task WhatConfigureAtStartSetsIsValidated()
    {
        using var state = new TempDir();
        using var host = Host(null, state, streams => streams.ConfigureAtStart((_, config) => config.ApplicationServer = "no-port"));

        var error = await Assert.ThrowsAsync<StreamsConfigException>(() => host.StartAsync());

        Assert.Contains("ApplicationServer (application.server) 'no-port'", error.Message, StringComparison.Ordinal);
        Assert.Null(host.Services.GetRequiredService<IKafkaStreamsInstance>().Streams);
    }

    [Fact]
    public void AHostRunsOneInstance()
    {
        var services = new ServiceCollection();
        services.AddKafkaStreams(_ => new StreamsBuilder().Build());

        var error = Assert.Throws<InvalidOperationException>(() => services.AddKafkaStreams(_ => new StreamsBuilder().Build()));

        Assert.Contains("AddKafkaStreams was called already", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StoresCannotBeReadBeforeTheHostStarts()
    {
        using var state = new TempDir();
        using var host = Host(null, state);

        Assert.Throws<StreamsNotStartedException>(() => host.Services.GetRequiredService<IKafkaStreamsInstance>().KeyValueStore<string, long>("any"));
    }

    [Fact]
    public async Task ARuntimeThatFailsStopsTheHostWithExitCodeOne()
    {
        await using var cluster = StartCluster(1, Input, "upper");
        using var state = new TempDir();
        using var host = Host(cluster, state);
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var exitCode = Environment.ExitCode;
        try
        {
            await host.StartAsync();
            Produce(cluster, Input, ("k", "boom"));

            await WaitUntil(() => Task.FromResult(stopping.IsCancellationRequested), "the host stops");
            Assert.Equal(KafkaStreamsState.Error, host.Services.GetRequiredService<IKafkaStreamsInstance>().State);
            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }

    [Fact]
    public async Task WithoutStopHostOnErrorAFailedRuntimeFailsLiveness()
    {
        await using var cluster = StartCluster(1, Input, "upper");
        using var state = new TempDir();
        using var host = Host(cluster, state, streams => streams.ConfigureHosting(hosting => hosting.StopHostOnError = false));
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await host.StartAsync();
        await host.Services.GetRequiredService<IKafkaStreamsInstance>().WaitForStateAsync(KafkaStreamsState.Running);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        Produce(cluster, Input, ("k", "boom"));

        await WaitUntil(async () => (await health.CheckHealthAsync(c => c.Tags.Contains(KafkaStreamsHealthChecks.LiveTag))).Status == HealthStatus.Unhealthy, "liveness fails");
        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        await host.StopAsync();
    }
}
