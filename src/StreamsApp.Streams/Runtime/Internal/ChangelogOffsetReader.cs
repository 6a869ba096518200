using Confluent.Kafka;
using Confluent.Kafka.Admin;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Reads changelog partitions' offsets from the brokers, batched per request, through an admin client of its own: on
/// the restore consumer's connections each request would queue behind that consumer's long-poll fetch (up to 500 ms
/// on a real broker, which answers a connection's requests in order), and task creation took 1.5 s per task. The end offset is the log's (the high watermark): what a store must have seen to hold
/// everything committed so far. A read_committed consumer's own view stops at the last stable offset, which a
/// transaction left open by a crashed producer holds back until the broker aborts it, so restoring only up to it
/// could miss transactions committed after that one began.
/// </summary>
internal sealed class ChangelogOffsetReader(AdminClientConfig config, bool readsStableOffsets, TimeSpan timeout) : IDisposable
{
    // Asking a broker about a missing topic must not create it, which librdkafka lets an admin client do by default.
    private readonly IAdminClient _admin = new AdminClientBuilder(new AdminClientConfig(config) { AllowAutoCreateTopics = false })
        .SetLogHandler((_, _) => { }).Build();

    /// <summary>Each partition's first offset, end offset, and — under exactly-once — last stable offset (else the end offset).</summary>
    /// <exception cref="ChangelogOffsetsUnavailableException">The offsets cannot be read now (an unreachable broker).</exception>
    /// <exception cref="StreamsException">A changelog topic does not exist.</exception>
    /// <param name="taskId">The task whose changelogs these are, named in errors.</param>
    /// <param name="partitions">The changelog partitions.</param>
    public IReadOnlyDictionary<TopicPartition, ChangelogOffsets> Read(TaskId taskId, IReadOnlyCollection<TopicPartition> partitions)
    {
        if (partitions.Count == 0)
        {
            return new Dictionary<TopicPartition, ChangelogOffsets>();
        }

        // The requests go out together: each is one round trip to the partitions' leaders.
        var first = ListAsync(partitions, OffsetSpec.Earliest(), IsolationLevel.ReadUncommitted);
        var end = ListAsync(partitions, OffsetSpec.Latest(), IsolationLevel.ReadUncommitted);
        var stable = readsStableOffsets ? ListAsync(partitions, OffsetSpec.Latest(), IsolationLevel.ReadCommitted) : end;
        var (firsts, ends, stables) = (Await(taskId, partitions, first), Await(taskId, partitions, end), Await(taskId, partitions, stable));
        return partitions.ToDictionary(p => p, p => new ChangelogOffsets(firsts[p], stables[p], ends[p]));
    }

    /// <summary>Each partition's end offset (the high watermark).</summary>
    /// <exception cref="ChangelogOffsetsUnavailableException">The offsets cannot be read.</exception>
    public IReadOnlyDictionary<TopicPartition, long> EndOffsets(TaskId taskId, IReadOnlyCollection<TopicPartition> partitions) =>
        partitions.Count == 0
            ? new Dictionary<TopicPartition, long>()
            : Await(taskId, partitions, ListAsync(partitions, OffsetSpec.Latest(), IsolationLevel.ReadUncommitted));

    public void Dispose() => _admin.Dispose();

    private Task<ListOffsetsResult> ListAsync(IReadOnlyCollection<TopicPartition> partitions, OffsetSpec spec, IsolationLevel isolation) =>
        _admin.ListOffsetsAsync(
            partitions.Select(p => new TopicPartitionOffsetSpec { TopicPartition = p, OffsetSpec = spec }),
            new ListOffsetsOptions { IsolationLevel = isolation, RequestTimeout = timeout });

    private Dictionary<TopicPartition, long> Await(TaskId taskId, IReadOnlyCollection<TopicPartition> partitions, Task<ListOffsetsResult> request)
    {
        try
        {
            return request.GetAwaiter().GetResult().ResultInfos
                .ToDictionary(r => r.TopicPartitionOffsetError.TopicPartition, r => r.TopicPartitionOffsetError.Offset.Value);
        }
        catch (KafkaException e)
        {
            var message = $"Task {taskId}: cannot read the offsets of its changelogs {string.Join(", ", partitions)}: {e.Error.Reason}";
            var missing = MissingTopics(partitions);
            throw missing.Count > 0
                ? new StreamsException($"{message}; the topics {string.Join(", ", missing)} do not exist", e)
                : new ChangelogOffsetsUnavailableException(message, e);
        }
    }

    /// <summary>
    /// The topics the cluster says do not exist. librdkafka reports a missing topic and unreachable brokers alike
    /// ("no leaders found"); the first will not mend, the second will. An unanswered question counts as unreachable.
    /// </summary>
    private List<string> MissingTopics(IReadOnlyCollection<TopicPartition> partitions)
    {
        try
        {
            return [.. partitions.Select(p => p.Topic).Distinct()
                .Where(topic => _admin.GetMetadata(topic, timeout).Topics.Any(t => t.Error.Code == ErrorCode.UnknownTopicOrPart))];
        }
        catch (KafkaException)
        {
            return [];
        }
    }
}

/// <summary>A changelog partition's offsets: its first, its last stable (read_committed end), and its end offset.</summary>
internal readonly record struct ChangelogOffsets(long First, long Stable, long End);
