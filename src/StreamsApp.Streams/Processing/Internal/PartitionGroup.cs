using Confluent.Kafka;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// A task's input partitions. The next record is the head with the smallest timestamp across partitions, so a task
/// processes its inputs in event-time order as far as the buffers allow; stream time is the largest timestamp taken.
/// </summary>
internal sealed class PartitionGroup(IReadOnlyList<RecordQueue> queues)
{
    // Keyed by topic: a task reads one partition number of each topic, so the topic alone names the queue.
    private readonly Dictionary<string, RecordQueue> _byTopic = queues.ToDictionary(q => q.Partition.Topic, StringComparer.Ordinal);

    public long StreamTime { get; private set; } = -1;

    public int BufferedCount { get; private set; }

    public IEnumerable<TopicPartition> Partitions => queues.Select(q => q.Partition);

    public IReadOnlyList<RecordQueue> Queues => queues;

    /// <summary>Records buffered for one input topic.</summary>
    public int Buffered(string topic) => _byTopic[topic].Count;

    public void Add(ConsumeResult<byte[]?, byte[]?> raw)
    {
        var queue = _byTopic[raw.Topic];
        var before = queue.Count;
        queue.Add(raw);
        BufferedCount += queue.Count - before;
    }

    /// <summary>Takes the record with the smallest timestamp; false when every queue is empty.</summary>
    public bool TryNext(out RecordQueue from, out StampedRecord record)
    {
        RecordQueue? best = null;
        foreach (var queue in queues)
        {
            if (queue.Count > 0 && (best is null || queue.HeadTimestamp < best.HeadTimestamp))
            {
                best = queue;
            }
        }

        if (best is null)
        {
            from = null!;
            record = default;
            return false;
        }

        from = best;
        record = best.Poll();
        BufferedCount--;
        StreamTime = Math.Max(StreamTime, record.Timestamp);
        return true;
    }

    public void Clear()
    {
        foreach (var queue in queues)
        {
            queue.Clear();
        }

        BufferedCount = 0;
    }
}
