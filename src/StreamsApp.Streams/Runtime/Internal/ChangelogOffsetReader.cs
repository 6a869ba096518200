using Confluent.Kafka;
using Confluent.Kafka.Admin;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Reads changelog partitions' offsets from the brokers, batched per request, through an admin client that shares a
/// consumer's connections. The end offset is the log's (the high watermark): what a store must have seen to hold
/// everything committed so far. A read_committed consumer's own view stops at the last stable offset, which a
/// transaction left open by a crashed producer holds back until the broker aborts it, so restoring only up to it
/// could miss transactions committed after that one began.
/// </summary>
internal sealed class ChangelogOffsetReader(IClient client, bool readsStableOffsets, TimeSpan timeout) : IDisposable
{
    private readonly IAdminClient _admin = new DependentAdminClientBuilder(client.Handle).Build();

    /// <summary>Each partition's first offset, end offset, and — under exactly-once — last stable offset (else the end offset).</summary>
    /// <exception cref="StreamsException">The offsets cannot be read (a missing topic, an unreachable broker).</exception>
    /// <param name="taskId">The task whose changelogs these are, named in errors.</param>
    /// <param name="partitions">The changelog partitions.</param>
    public IReadOnlyDictionary<TopicPartition, ChangelogOffsets> Read(TaskId taskId, IReadOnlyCollection<TopicPartition> partitions)
    {
        if (partitions.Count == 0)
        {
            return new Dictionary<TopicPartition, ChangelogOffsets>();
        }

        var first = List(taskId, partitions, OffsetSpec.Earliest(), IsolationLevel.ReadUncommitted);
        var end = List(taskId, partitions, OffsetSpec.Latest(), IsolationLevel.ReadUncommitted);
        var stable = readsStableOffsets ? List(taskId, partitions, OffsetSpec.Latest(), IsolationLevel.ReadCommitted) : end;
        return partitions.ToDictionary(p => p, p => new ChangelogOffsets(first[p], stable[p], end[p]));
    }

    /// <summary>Each partition's end offset (the high watermark).</summary>
    /// <exception cref="StreamsException">The offsets cannot be read.</exception>
    public IReadOnlyDictionary<TopicPartition, long> EndOffsets(TaskId taskId, IReadOnlyCollection<TopicPartition> partitions) =>
        partitions.Count == 0
            ? new Dictionary<TopicPartition, long>()
            : List(taskId, partitions, OffsetSpec.Latest(), IsolationLevel.ReadUncommitted);

    public void Dispose() => _admin.Dispose();

    private Dictionary<TopicPartition, long> List(
        TaskId taskId, IReadOnlyCollection<TopicPartition> partitions, OffsetSpec spec, IsolationLevel isolation)
    {
        try
        {
            var result = _admin.ListOffsetsAsync(
                    partitions.Select(p => new TopicPartitionOffsetSpec { TopicPartition = p, OffsetSpec = spec }),
                    new ListOffsetsOptions { IsolationLevel = isolation, RequestTimeout = timeout })
                .GetAwaiter().GetResult();
            return result.ResultInfos.ToDictionary(r => r.TopicPartitionOffsetError.TopicPartition, r => r.TopicPartitionOffsetError.Offset.Value);
        }
        catch (KafkaException e)
        {
            throw new StreamsException(
                $"Task {taskId}: cannot read the offsets of its changelogs {string.Join(", ", partitions)}: {e.Error.Reason}", e);
        }
    }
}

/// <summary>A changelog partition's offsets: its first, its last stable (read_committed end), and its end offset.</summary>
internal readonly record struct ChangelogOffsets(long First, long Stable, long End);
