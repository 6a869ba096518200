using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// Counts the writes a window or session store drops for being out of retention in the task's
/// <c>dropped-records-total</c>, and logs them, as Kafka Streams' stores do ("Skipping record for expired segment"):
/// a late record of a stream-stream join, or a cache flushing a window its store has expired meanwhile.
/// <see cref="SegmentedBytesStore"/> decides which writes count. Outside a task (a store used on its own) nothing is.
/// </summary>
internal sealed class ExpiredWrites(IStateStoreContext context, string storeName)
{
    // A timestamped store's bytes get the task's context wrapped, so that restored records are stamped.
    private readonly TaskContext? _task = (context is TimestampedRestoreContext timestamped ? timestamped.Inner : context) as TaskContext;

    /// <summary>A write was dropped, the store's stream time being <paramref name="streamTime"/>.</summary>
    public void Count(long streamTime)
    {
        if (_task is not { } task)
        {
            return;
        }

        var metadata = task.RecordMetadata;
        task.Log.SkippingRecord(
            metadata?.Topic, metadata?.Partition ?? -1, metadata?.Offset ?? -1,
            $"write to store '{storeName}' older than its retention behind stream time {streamTime}");
        task.Metrics.DroppedRecords.Increment();
    }
}
