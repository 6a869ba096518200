using System.Diagnostics;

namespace StreamsApp.Streams.Metrics;

/// <summary>
/// A stream thread's loop sensors (group <c>stream-thread-metrics</c>, named as Kafka Streams' thread metrics). Each
/// phase of the loop records once per iteration, not per record: two clock reads and no allocation. Latencies are
/// in microseconds; a latency sensor's count is Kafka's <c>*-total</c> and its rate Kafka's <c>*-rate</c>.
/// </summary>
internal sealed class ThreadMetrics(StreamsMetrics registry, string threadId)
{
    private const string Group = "stream-thread-metrics";

    /// <summary>Each poll phase (up to 500 records, waiting at most the poll timeout): its duration.</summary>
    public Sensor PollLatency { get; } = registry.Sensor("poll-latency", Group, "thread-id", threadId);

    /// <summary>Each poll phase: how many records it returned (the sum is the records polled).</summary>
    public Sensor PollRecords { get; } = registry.Sensor("poll-records", Group, "thread-id", threadId);

    /// <summary>
    /// Each process phase that processed records: its duration per record, as Kafka Streams' thread-level
    /// <c>process-latency</c> (an average over the phase).
    /// </summary>
    public Sensor ProcessLatency { get; } = registry.Sensor("process-latency", Group, "thread-id", threadId);

    /// <summary>The records the thread processed (the sum); Kafka Streams' thread-level <c>process-total</c>.</summary>
    public Sensor Processed { get; } = registry.Sensor("process-total", Group, "thread-id", threadId);

    /// <summary>Each commit of one or more tasks (flush, offsets, checkpoint): its duration.</summary>
    public Sensor CommitLatency { get; } = registry.Sensor("commit-latency", Group, "thread-id", threadId);

    /// <summary>Records a poll phase that started at <paramref name="start"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void RecordPoll(long start, int records)
    {
        PollLatency.Record(Microseconds(start));
        PollRecords.Record(records);
    }

    /// <summary>Records a process phase that started at <paramref name="start"/>, unless it processed nothing.</summary>
    public void RecordProcess(long start, int records)
    {
        if (records > 0)
        {
            ProcessLatency.Record(Microseconds(start) / records);
            Processed.Record(records);
        }
    }

    /// <summary>Records a commit that started at <paramref name="start"/>.</summary>
    public void RecordCommit(long start) => CommitLatency.Record(Microseconds(start));

    private static double Microseconds(long start) => Stopwatch.GetElapsedTime(start).Ticks / (double)TimeSpan.TicksPerMicrosecond;
}
