using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Streams.Hosting.Internal;

/// <summary>Ready when the instance is Running; see <see cref="KafkaStreamsHealthChecks.AddKafkaStreams"/>.</summary>
internal sealed class KafkaStreamsReadinessCheck(IKafkaStreamsInstance instance) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = instance.State;
        var data = new Dictionary<string, object>
        {
            [KafkaStreamsHealthChecks.ActiveTasksKey] = instance.Streams?.LocalActiveTasks.Select(t => t.ToString()).ToArray() ?? [],
            [KafkaStreamsHealthChecks.StandbyTasksKey] = instance.Streams?.LocalStandbyTasks.Select(t => t.ToString()).ToArray() ?? [],
        };
        if (state != KafkaStreamsState.Running)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"KafkaStreams is {state}", data: data));
        }

        // Still answers queries from its stores, but processes nothing until a broker answers again.
        if (instance.ClusterUnreachableSince is { } since)
        {
            data[KafkaStreamsHealthChecks.ClusterUnreachableSinceKey] = since.ToString("O", CultureInfo.InvariantCulture);
            return Task.FromResult(HealthCheckResult.Degraded($"KafkaStreams is {state} but has lost the Kafka cluster", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"KafkaStreams is {state}", data));
    }
}
