using System.Diagnostics;
using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// One changelog partition being restored into its store: the range to restore, the position reached, and the
/// records read in the current step, which reach the store in one restore call (one RocksDB write batch).
/// </summary>
internal sealed class ChangelogRestoration(
    ProcessorStateManager stateManager, TopicPartition partition, long startOffset, long endOffset, long stableOffset, RestoreMetrics metrics)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private List<ChangelogRecord> _batch = [];
    private long _lastOffset = -1;

    public TopicPartition Partition { get; } = partition;

    public ProcessorStateManager StateManager { get; } = stateManager;

    /// <summary>
    /// The end offset taken when restoration started: the high watermark, whatever the isolation level, so that
    /// transactions committed behind one still open are restored too.
    /// </summary>
    public long EndOffset { get; } = endOffset;

    /// <summary>The last stable offset when restoration started: where a transaction still open then began.</summary>
    public long StableOffset { get; } = stableOffset;

    /// <summary>
    /// Whether a transaction still open holds back records before <see cref="EndOffset"/>: the restore consumer
    /// (read_committed) cannot pass <see cref="StableOffset"/> until it is committed or aborted.
    /// </summary>
    public bool WaitsForTransaction => StableOffset < EndOffset && Position <= StableOffset;

    /// <summary>The next offset to restore.</summary>
    public long Position { get; private set; } = startOffset;

    public long RecordsRestored { get; private set; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>
    /// Compares positions, not the last record's offset: a transaction marker may take the last offset before the end.
    /// </summary>
    public bool IsComplete => Position >= EndOffset;

    /// <summary>Buffers a record for this step's batch.</summary>
    public void Add(ConsumeResult<byte[]?, byte[]?> record)
    {
        var offset = record.Offset.Value;

        // Written after restoration started (by an instance that still thinks it owns the task): not part of the
        // state being restored, as in Kafka Streams.
        if (offset >= EndOffset)
        {
            return;
        }

        var key = record.Message.Key
            ?? throw new StreamsException($"Changelog {Partition} has a record without a key at offset {offset}");
        _batch.Add(new ChangelogRecord(key, record.Message.Value, record.Message.Timestamp.UnixTimestampMs));
        _lastOffset = offset;
    }

    /// <summary>Hands the step's records to the store in one call and moves past them.</summary>
    public void ApplyBatch()
    {
        if (_batch.Count == 0)
        {
            return;
        }

        StateManager.Restore(Partition, _batch, _lastOffset);
        metrics.Restored.Record(_batch.Count);
        RecordsRestored += _batch.Count;
        _batch = [];
        AdvanceTo(_lastOffset + 1);
    }

    /// <summary>Moves the position forward (to the consumer's position, which passes markers and compacted gaps).</summary>
    public void AdvanceTo(long position)
    {
        var clamped = Math.Min(position, EndOffset);
        if (clamped > Position)
        {
            var waited = WaitsForTransaction;
            metrics.Remaining.Record(Position - clamped);
            Position = clamped;
            if (waited && !WaitsForTransaction)
            {
                metrics.WaitingForTransaction.Record(-1);
            }
        }
    }

    /// <summary>Counts the range as remaining, and the changelog as waiting if it does; once, when restoration starts.</summary>
    public void Start()
    {
        metrics.Remaining.Record(EndOffset - Position);
        if (WaitsForTransaction)
        {
            metrics.WaitingForTransaction.Record(1);
        }
    }

    /// <summary>Takes what is left out of the remaining and waiting counts (the task left before its restoration completed).</summary>
    public void Abandon()
    {
        if (WaitsForTransaction)
        {
            metrics.WaitingForTransaction.Record(-1);
        }

        metrics.Remaining.Record(Position - EndOffset);
    }
}
