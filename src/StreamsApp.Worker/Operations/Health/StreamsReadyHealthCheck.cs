using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Operations.Health;

/// <summary>
/// Ready when the runtime is <see cref="KafkaStreamsState.Running"/>: every stream thread has its tasks and has
/// restored their state (a thread restoring or rebalancing holds the instance in Rebalancing). The result lists the
/// instance's active tasks (<c>activeTasks</c>) and standby replicas (<c>standbyTasks</c>), so an operator sees how a
/// scaled-out application shares its work.
/// A running instance that has lost the Kafka cluster is Degraded, with <c>clusterUnreachableSince</c>: it still
/// answers queries from its stores, but processes nothing and takes no orders until a broker answers again.
/// </summary>
internal sealed class StreamsReadyHealthCheck(IStreamsInstance instance) : IHealthCheck
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The result data key of the active task ids (<c>subtopology_partition</c>).</summary>
    public const string ActiveTasksKey = "activeTasks";

    /// <summary>The result data key of the standby task ids (<see cref="StreamsApp.Streams.StreamsConfig.NumStandbyReplicas"/>).</summary>
    public const string StandbyTasksKey = "standbyTasks";

    /// <summary>The result data key of when the cluster was lost (ISO-8601), present only while it is.</summary>
    public const string ClusterUnreachableSinceKey = "clusterUnreachableSince";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = instance.State;
        var data = new Dictionary<string, object>
        {
            [ActiveTasksKey] = instance.Streams?.LocalActiveTasks.Select(t => t.ToString()).ToArray() ?? [],
            [StandbyTasksKey] = instance.Streams?.LocalStandbyTasks.Select(t => t.ToString()).ToArray() ?? [],
        };
        if (state != KafkaStreamsState.Running)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"KafkaStreams is {state}", data: data));
        }

        if (instance.ClusterUnreachableSince is { } since)
        {
            data[ClusterUnreachableSinceKey] = since.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(HealthCheckResult.Degraded($"KafkaStreams is {state} but has lost the Kafka cluster", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"KafkaStreams is {state}", data));
    }
}
