using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Operations.Health;

/// <summary>
/// Ready when the runtime is <see cref="KafkaStreamsState.Running"/>: every stream thread has its tasks and has
/// restored their state (a thread restoring or rebalancing holds the instance in Rebalancing).
/// </summary>
internal sealed class StreamsReadyHealthCheck(IStreamsInstance instance) : IHealthCheck
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = instance.State;
        return Task.FromResult(state == KafkaStreamsState.Running
            ? HealthCheckResult.Healthy($"KafkaStreams is {state}")
            : HealthCheckResult.Unhealthy($"KafkaStreams is {state}"));
    }
}
