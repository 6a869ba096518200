using Confluent.Kafka;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>The buffered records of one input partition of a task, in offset order, with its source node.</summary>
internal sealed class RecordQueue(TopicPartition partition, SourceNode source)
{
    private readonly Queue<StampedRecord> _records = new();

    public TopicPartition Partition { get; } = partition;

    public SourceNode Source { get; } = source;

    /// <summary>The largest timestamp extracted from this partition; -1 before the first record.</summary>
    public long PartitionTime { get; private set; } = -1;

    public int Count => _records.Count;

    /// <summary>The offset of the last record the task processed from this partition; -1 before the first.</summary>
    public long LastProcessedOffset { get; set; } = -1;

    public long HeadTimestamp => _records.Peek().Timestamp;

    /// <summary>Stamps and buffers a raw record; records the deserialization handler skips are dropped here.</summary>
    public void Add(ConsumeResult<byte[]?, byte[]?> raw)
    {
        if (Source.Stamp(raw, PartitionTime) is { } stamped)
        {
            _records.Enqueue(stamped);
            PartitionTime = Math.Max(PartitionTime, stamped.Timestamp);
        }
    }

    public StampedRecord Poll() => _records.Dequeue();

    public void Clear() => _records.Clear();
}
