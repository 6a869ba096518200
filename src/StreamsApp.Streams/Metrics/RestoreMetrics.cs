using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Metrics;

/// <summary>
/// A task's restoration sensors (group <c>stream-task-metrics</c>, named as Kafka Streams' KIP-869 task metrics).
/// </summary>
internal sealed class RestoreMetrics(StreamsMetrics registry, string threadId, TaskId taskId)
{
    private const string Group = "stream-task-metrics";

    /// <summary>Each restore batch records its size: the sum is the records restored, the count the batches.</summary>
    public Sensor Restored { get; } =
        registry.Sensor("restore-total", Group, "thread-id", threadId, "task-id", taskId.ToString());

    /// <summary>
    /// The sum is the changelog offsets left to restore: a changelog adds its range when restoration starts and
    /// subtracts its progress, down to zero when it completes or the task leaves (as Kafka Streams' cumulative
    /// <c>restore-remaining-records-total</c>).
    /// </summary>
    public Sensor Remaining { get; } =
        registry.Sensor("restore-remaining-records-total", Group, "thread-id", threadId, "task-id", taskId.ToString());

    /// <summary>
    /// The sum is the task's changelog partitions whose restoration waits for a transaction still open (one left by a
    /// crashed instance, until it is fenced or times out): +1 when one starts waiting, -1 when it moves past it.
    /// </summary>
    public Sensor WaitingForTransaction { get; } =
        registry.Sensor("restore-waiting-for-transaction-total", Group, "thread-id", threadId, "task-id", taskId.ToString());

    /// <summary>Changelog records restoration skipped because the store cannot take them (no key, a malformed key or value).</summary>
    public Sensor Skipped { get; } =
        registry.Sensor("restore-skipped-records-total", Group, "thread-id", threadId, "task-id", taskId.ToString());

    /// <summary>
    /// Offsets deleted from a changelog that must keep every key, found missing when a restoration starts: the store
    /// lacks whatever they held.
    /// </summary>
    public Sensor Truncated { get; } =
        registry.Sensor("restore-missing-records-total", Group, "thread-id", threadId, "task-id", taskId.ToString());
}
