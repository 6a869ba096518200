using System.Collections.Concurrent;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Partition counts of the topics tasks write to, shared by the instance's threads: the topology's own topics are
/// known at start; sink topics are looked up once. The engine places keyed records itself (murmur2), so it must know
/// the count; a missing sink topic is an error rather than a topic auto-created with the broker's default size.
/// Dead-letter topics (<c>&lt;topic&gt;.DLT</c>) are the exception: created on first use, as large as their source
/// topic, so that a dead letter keeps its source partition number.
/// </summary>
internal sealed class TopicPartitionCounts(IReadOnlyDictionary<string, int> known, ITopicAdmin admin)
{
    private readonly ConcurrentDictionary<string, int> _counts = new(known, StringComparer.Ordinal);

    public int Get(string topic) => _counts.GetOrAdd(topic, Lookup);

    private int Lookup(string topic)
    {
        var found = admin.GetPartitionCountsAsync([topic]).GetAwaiter().GetResult();
        if (found.TryGetValue(topic, out var count))
        {
            return count;
        }

        if (topic.EndsWith(DeadLetterTopic.Suffix, StringComparison.Ordinal))
        {
            var partitions = Get(topic[..^DeadLetterTopic.Suffix.Length]);
            admin.CreateTopicsAsync([new TopicDefinition(topic, partitions)]).GetAwaiter().GetResult();
            return partitions;
        }

        throw new StreamsException($"Output topic '{topic}' does not exist; create it before the application writes to it");
    }
}
