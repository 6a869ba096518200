using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Metrics;

/// <summary>A task's sensors (group <c>stream-task-metrics</c>).</summary>
internal sealed class TaskMetrics(StreamsMetrics registry, string threadId, TaskId taskId)
{
    private const string Group = "stream-task-metrics";

    public StreamsMetrics Registry { get; } = registry;

    /// <summary>Records dropped by a handler, a null key in an aggregation, a late window record, ...</summary>
    public Sensor DroppedRecords { get; } =
        registry.Sensor("dropped-records-total", Group, "thread-id", threadId, "task-id", taskId.ToString());

    /// <summary>Failed records a handler sent to their dead-letter topic.</summary>
    public Sensor DeadLetterRecords { get; } =
        registry.Sensor("dead-letter-records-total", Group, "thread-id", threadId, "task-id", taskId.ToString());

    public Sensor Processed { get; } =
        registry.Sensor("process-total", Group, "thread-id", threadId, "task-id", taskId.ToString());

    public Sensor Punctuations { get; } =
        registry.Sensor("punctuate-total", Group, "thread-id", threadId, "task-id", taskId.ToString());
}
