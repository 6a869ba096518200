using System.Diagnostics;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// The latency sensors of the metered store layers (group <c>stream-state-metrics</c>), created only at the debug
/// recording level, as in Kafka Streams; a null sensor costs one comparison per operation.
/// </summary>
internal static class StoreLatency
{
    /// <summary>The sensor <c>&lt;operation&gt;-latency</c> of a store, or null below the debug level.</summary>
    public static Sensor? Sensor(IStateStoreContext context, string storeName, string metricsScope, string operation)
    {
        if (context.Config.MetricsRecordingLevel != MetricsRecordingLevel.Debug || context is not TaskContext task)
        {
            return null;
        }

        string[] tags = ["task-id", task.TaskId.ToString(), $"{metricsScope}-state-id", storeName];
        return task.Metrics.Registry.Sensor($"{operation}-latency", "stream-state-metrics", tags);
    }

    /// <summary>The start of a measured operation (0 when not measured).</summary>
    public static long Start(Sensor? sensor) => sensor is null ? 0 : Stopwatch.GetTimestamp();

    /// <summary>Records the time since <paramref name="start"/> in microseconds.</summary>
    public static void Record(Sensor? sensor, long start) =>
        sensor?.Record(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000);
}
