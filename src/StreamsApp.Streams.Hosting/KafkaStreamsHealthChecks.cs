using Microsoft.Extensions.DependencyInjection;
using StreamsApp.Streams.Hosting.Internal;

namespace StreamsApp.Streams.Hosting;

/// <summary>Health checks of the hosted <see cref="Runtime.KafkaStreams"/> instance, for readiness and liveness probes.</summary>
public static class KafkaStreamsHealthChecks
{
    /// <summary>The tag of the readiness check: map it to the probe that takes the instance out of service.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The tag of the liveness check: map it to the probe that restarts the process.</summary>
    public const string LiveTag = "live";

    /// <summary>The readiness check's data key of the active task ids (<c>subtopology_partition</c>).</summary>
    public const string ActiveTasksKey = "activeTasks";

    /// <summary>The readiness check's data key of the standby task ids (<see cref="StreamsConfig.NumStandbyReplicas"/>).</summary>
    public const string StandbyTasksKey = "standbyTasks";

    /// <summary>The readiness check's data key of when the cluster was lost (ISO-8601), present only while it is.</summary>
    public const string ClusterUnreachableSinceKey = "clusterUnreachableSince";

    /// <summary>
    /// Adds two checks of the instance <c>AddKafkaStreams</c> registered:
    /// <list type="bullet">
    /// <item><c>{name}-ready</c>, tagged <see cref="ReadyTag"/>: healthy when the instance is Running (every thread has
    /// its tasks and has restored them); degraded while running without a reachable cluster; unhealthy otherwise. Its data
    /// lists the active and standby tasks, so an operator sees how a scaled-out application shares its work.</item>
    /// <item><c>{name}-live</c>, tagged <see cref="LiveTag"/>: unhealthy only once the instance has failed (Error).</item>
    /// </list>
    /// </summary>
    /// <param name="builder">The application's health checks.</param>
    /// <param name="name">The checks' name prefix.</param>
    public static IHealthChecksBuilder AddKafkaStreams(this IHealthChecksBuilder builder, string name = "kafka-streams")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder
            .AddCheck<KafkaStreamsReadinessCheck>($"{name}-ready", tags: [ReadyTag])
            .AddCheck<KafkaStreamsLivenessCheck>($"{name}-live", tags: [LiveTag]);
    }
}
