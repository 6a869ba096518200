using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Hosting.Tests;

/// <summary>What the readiness and liveness checks report for each state of the instance.</summary>
public sealed class KafkaStreamsHealthChecksTests
{
    private sealed class FakeInstance : IKafkaStreamsInstance
    {
        public KafkaStreams? Streams => null;

        public KafkaStreamsState State { get; init; }

        public DateTimeOffset? ClusterUnreachableSince { get; init; }

        public ProcessingGuarantee ProcessingGuarantee => ProcessingGuarantee.AtLeastOnce;

        public StreamsMetrics? Metrics => null;

        public Topology Topology => throw new NotSupportedException();

        public TopologyDescription Description => throw new NotSupportedException();

        public string? ApplicationServer => null;

        public TStore Store<TStore>(StoreQueryParameters<TStore> parameters)
            where TStore : class => throw new NotSupportedException();

        public Task WaitForStateAsync(KafkaStreamsState state, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private static async Task<HealthReport> CheckAsync(FakeInstance instance)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IKafkaStreamsInstance>(instance);
        services.AddHealthChecks().AddKafkaStreams("streams");
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }

    [Theory]
    [InlineData(KafkaStreamsState.Created, HealthStatus.Unhealthy, HealthStatus.Healthy)]
    [InlineData(KafkaStreamsState.Rebalancing, HealthStatus.Unhealthy, HealthStatus.Healthy)]
    [InlineData(KafkaStreamsState.Running, HealthStatus.Healthy, HealthStatus.Healthy)]
    [InlineData(KafkaStreamsState.PendingShutdown, HealthStatus.Unhealthy, HealthStatus.Healthy)]
    [InlineData(KafkaStreamsState.NotRunning, HealthStatus.Unhealthy, HealthStatus.Healthy)]
    [InlineData(KafkaStreamsState.Error, HealthStatus.Unhealthy, HealthStatus.Unhealthy)]
    public async Task ReadyOnlyWhenRunningAndAliveUnlessFailed(KafkaStreamsState state, HealthStatus ready, HealthStatus live)
    {
        var report = await CheckAsync(new FakeInstance { State = state });

        Assert.Equal(ready, report.Entries["streams-ready"].Status);
        Assert.Contains(KafkaStreamsHealthChecks.ReadyTag, report.Entries["streams-ready"].Tags);
        Assert.Equal(live, report.Entries["streams-live"].Status);
        Assert.Contains(KafkaStreamsHealthChecks.LiveTag, report.Entries["streams-live"].Tags);
    }

    [Fact]
    public async Task ARunningInstanceThatLostTheClusterIsDegradedAndSaysSinceWhen()
    {
        var since = new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.Zero);

        var ready = (await CheckAsync(new FakeInstance { State = KafkaStreamsState.Running, ClusterUnreachableSince = since })).Entries["streams-ready"];

        Assert.Equal(HealthStatus.Degraded, ready.Status);
        Assert.Equal("2026-12-06T07:00:00.0000000+00:00", ready.Data[KafkaStreamsHealthChecks.ClusterUnreachableSinceKey]);
        Assert.Equal(Array.Empty<string>(), ready.Data[KafkaStreamsHealthChecks.ActiveTasksKey]);
    }
}
