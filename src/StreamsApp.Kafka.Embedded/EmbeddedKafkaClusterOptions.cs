using StreamsApp.Kafka.Embedded.Internal;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Kafka.Embedded;

/// <summary>How <see cref="EmbeddedKafkaCluster.Start"/> sets up the cluster.</summary>
public sealed class EmbeddedKafkaClusterOptions
{
    /// <summary>The number of brokers, with ids 1 to <see cref="BrokerCount"/>. Default 1.</summary>
    public int BrokerCount { get; set; } = 1;

    /// <summary>
    /// Topics created at start, with replication factor 1. Topic configs are ignored: the mock cluster has none.
    /// </summary>
#pragma warning disable CA2227 // Settable so callers can write Topics = [...] as well as Topics = { ... }.
    public IList<TopicDefinition> Topics { get; set; } = [];
#pragma warning restore CA2227

    /// <summary>Checks every setting; <see cref="EmbeddedKafkaCluster.Start"/> calls it.</summary>
    /// <exception cref="ArgumentException">One or more settings are invalid; the message names each.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (BrokerCount < 1)
        {
            problems.Add($"{nameof(BrokerCount)} must be at least 1 (was {BrokerCount})");
        }

        if (Topics is null)
        {
            problems.Add($"{nameof(Topics)} must not be null");
        }
        else
        {
            problems.AddRange(TopicProblems(Topics));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"Invalid {nameof(EmbeddedKafkaClusterOptions)}: {string.Join("; ", problems)}.");
        }
    }

    private static IEnumerable<string> TopicProblems(IList<TopicDefinition> topics)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            if (topic is null)
            {
                yield return $"{nameof(Topics)}[{i}] is null";
                continue;
            }

            if (TopicNames.Problem(topic.Name) is { } nameProblem)
            {
                yield return $"{nameof(Topics)}[{i}]: {nameProblem}";
            }

            if (topic.Partitions < 1)
            {
                yield return $"{nameof(Topics)}[{i}] '{topic.Name}' needs at least 1 partition (was {topic.Partitions})";
            }

            if (!names.Add(topic.Name))
            {
                yield return $"{nameof(Topics)}[{i}] '{topic.Name}' appears more than once";
            }
        }
    }
}
