using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// One changelog partition being restored into its store: the range to restore, the position reached, and the
/// records read in the current step, which reach the store in one restore call (one RocksDB write batch).
/// <para>
/// A record the store cannot take (no key, or a key or value malformed for the store's format) is skipped with an
/// error and counted, never allowed to fail the task: the changelog would hold it for good, and every instance that
/// restored the task would fail on it again. Only this engine writes changelogs, so such a record was written by
/// someone else, and the one key it names is all that is lost.
/// </para>
/// <para>
/// A standby task follows its changelogs without end (<see cref="Unbounded"/>): nothing then counts as remaining.
/// </para>
/// </summary>
internal sealed class ChangelogRestoration(
    ProcessorStateManager stateManager, TopicPartition partition, long startOffset, long endOffset, long stableOffset, RestoreMetrics metrics, ILogger log)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private List<ChangelogRecord> _batch = [];
    private List<long> _offsets = [];
    private long _lastOffset = -1;

    /// <summary>The end offset of a changelog followed without end (a standby task's).</summary>
    public const long Unbounded = long.MaxValue;

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

        _lastOffset = offset;
        if (record.Message.Key is not { } key)
        {
            Skip(offset, "it has no key");
            return;
        }

        _batch.Add(new ChangelogRecord(key, record.Message.Value, record.Message.Timestamp.UnixTimestampMs));
        _offsets.Add(offset);
    }

    /// <summary>Hands the step's records to the store in one call and moves past them.</summary>
    public void ApplyBatch()
    {
        if (_lastOffset < Position)
        {
            return;
        }

        var restored = _batch.Count;
        try
        {
            // Also when every record of the step was skipped: the checkpoint moves past them.
            StateManager.Restore(Partition, _batch, _lastOffset);
        }
        catch (Exception e) when (MalformedRecord.Is(e))
        {
            // Find the culprits one record at a time: restoring the same records again in order is idempotent.
            restored = ApplyEach();
        }

        metrics.Restored.Record(restored);
        RecordsRestored += restored;
        _batch = [];
        _offsets = [];
        AdvanceTo(_lastOffset + 1);
    }

    /// <summary>Restores the step's records one by one, skipping those the store refuses; returns how many it took.</summary>
    private int ApplyEach()
    {
        var restored = 0;
        for (var i = 0; i < _batch.Count; i++)
        {
            try
            {
                StateManager.Restore(Partition, [_batch[i]], _offsets[i]);
                restored++;
            }
            catch (Exception e) when (MalformedRecord.Is(e))
            {
                Skip(_offsets[i], e.Message);
            }
        }

        return restored;
    }

    private void Skip(long offset, string reason)
    {
        log.ChangelogRecordSkipped(
            StateManager.TaskId, Partition.Topic, Partition.Partition.Value, offset, StateManager.StoreOf(Partition), reason);
        metrics.Skipped.Increment();
    }

    /// <summary>Moves the position forward (to the consumer's position, which passes markers and compacted gaps).</summary>
    public void AdvanceTo(long position)
    {
        var clamped = Math.Min(position, EndOffset);
        if (clamped > Position)
        {
            var waited = WaitsForTransaction;
            if (EndOffset != Unbounded)
            {
                metrics.Remaining.Record(Position - clamped);
            }

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
