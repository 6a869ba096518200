using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Errors.Internal;
using StreamsApp.Streams.Metrics;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Commits a thread's tasks: flush caches and output, then commit the consumed offsets — with the consumer
/// (at-least-once) or inside the producer's transaction with the group metadata (exactly-once v2) — then let the
/// tasks checkpoint. A failed commit that means the tasks moved to another member surfaces as
/// <see cref="TaskMigratedException"/>; a transient one, or a periodic one refused by a starting rebalance, leaves
/// the tasks uncommitted for the next try. A completed commit records its latency.
/// </summary>
internal sealed class TaskCommitter(IConsumer<byte[]?, byte[]?> consumer, StreamsProducer producer, ThreadMetrics metrics, ILogger log)
{
    public void Commit(IEnumerable<StreamTask> tasks, bool force)
    {
        var due = tasks.Where(t => force || t.CommitNeeded || t.Context.CommitRequested).ToList();
        if (due.Count == 0)
        {
            return;
        }

        var start = Stopwatch.GetTimestamp();
        var offsets = new List<TopicPartitionOffset>();
        foreach (var task in due)
        {
            task.PrepareCommit();
            offsets.AddRange(task.CommittableOffsets().Select(o => new TopicPartitionOffset(o.Key, o.Value)));
        }

        try
        {
            if (producer.Transactional)
            {
                producer.CommitTransaction(offsets, consumer.ConsumerGroupMetadata);
            }
            else if (offsets.Count > 0)
            {
                consumer.Commit(offsets);
            }
        }
        catch (KafkaException e) when (!producer.Transactional && IsRetriable(e.Error.Code, force))
        {
            RuntimeLog.CommitRetry(log, e.Error.Reason);
            return;
        }
        catch (KafkaException e) when (StreamsProducer.IsTaskMigrated(e) || (producer.Transactional && e.Error.IsFatal))
        {
            throw new TaskMigratedException($"Commit failed because the tasks moved to another member: {e.Error.Reason}", e);
        }

        foreach (var task in due)
        {
            task.PostCommit();
        }

        metrics.RecordCommit(start);
    }

    /// <summary>Drops an open transaction (exactly-once) when tasks are closed dirty.</summary>
    public void Abort()
    {
        try
        {
            producer.AbortTransaction();
        }
        catch (KafkaException e)
        {
            // The producer may already be fenced; the transaction is then aborted by the coordinator.
            RuntimeLog.AbortFailed(log, e.Error.Reason);
        }
    }

    /// <summary>
    /// Transient errors, and a rebalance that started before a periodic commit: the thread is still a member, and
    /// the revocation that follows commits these offsets (Kafka Streams skips commits while a rebalance is in
    /// progress). Closing the tasks as migrated instead would process their records again. Under the consumer
    /// protocol every assignment change bumps the member epoch, and a commit sent before the thread heard of it is
    /// refused as stale in the same way.
    /// </summary>
    private static bool IsRetriable(ErrorCode code, bool force) =>
        (!force && code is ErrorCode.RebalanceInProgress or ErrorCode.StaleMemberEpoch)
        || code is ErrorCode.RequestTimedOut or ErrorCode.Local_TimedOut or ErrorCode.GroupCoordinatorNotAvailable
            or ErrorCode.NotCoordinatorForGroup or ErrorCode.GroupLoadInProgress or ErrorCode.Local_Transport
            or ErrorCode.NetworkException;
}
