using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// Counts the writes a window or session store drops for being out of retention in the task's
/// <c>dropped-records-total</c>, and logs them, as Kafka Streams' stores do ("Skipping record for expired segment"):
/// a late record of a stream-stream join, or a cache flushing a window its store has expired meanwhile. Kafka's
/// in-memory stores count every such write; its RocksDB stores keep a late write whose segment is still live, and
/// count only one whose whole segment has expired. Ours drop both (decision 0006) and count as Kafka's store of the
/// same kind would. A session remove is not counted, as there. Outside a task (a store used on its own) nothing is.
/// </summary>
internal sealed class ExpiredWrites(IStateStoreContext context, SegmentedBytesStore bytes)
{
    // A timestamped store's bytes get the task's context wrapped, so that restored records are stamped.
    private readonly TaskContext? _task = (context is TimestampedRestoreContext timestamped ? timestamped.Inner : context) as TaskContext;

    /// <summary>A write at <paramref name="timestamp"/> was dropped (the store's <c>Put</c> returned false).</summary>
    public void Count(long timestamp)
    {
        if (_task is not { } task || (bytes.Persistent && !bytes.SegmentExpired(timestamp)))
        {
            return;
        }

        var metadata = task.RecordMetadata;
        task.Log.SkippingRecord(
            metadata?.Topic, metadata?.Partition ?? -1, metadata?.Offset ?? -1,
            $"write to store '{bytes.Name}' older than its retention behind stream time {bytes.ObservedStreamTime}");
        task.Metrics.DroppedRecords.Increment();
    }
}
