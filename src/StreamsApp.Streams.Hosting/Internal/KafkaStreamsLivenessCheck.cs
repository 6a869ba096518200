using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Streams.Hosting.Internal;

/// <summary>
/// Alive unless the instance has failed: starting, rebalancing, restoring and closing are all states a restart would
/// only repeat, so they do not fail liveness.
/// </summary>
internal sealed class KafkaStreamsLivenessCheck(IKafkaStreamsInstance instance) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(instance.State == KafkaStreamsState.Error
            ? new HealthCheckResult(context.Registration.FailureStatus, "KafkaStreams has failed")
            : HealthCheckResult.Healthy($"KafkaStreams is {instance.State}"));
}
