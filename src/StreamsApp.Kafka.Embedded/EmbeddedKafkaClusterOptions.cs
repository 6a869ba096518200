using Microsoft.Extensions.Logging;
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

    /// <summary>
    /// How long a new classic-protocol consumer group waits for more members before its first rebalance (the
    /// broker's group.initial.rebalance.delay.ms). Null keeps the mock's 3 seconds; tests may want zero.
    /// </summary>
    public TimeSpan? GroupInitialRebalanceDelay { get; set; }

    /// <summary>
    /// How long a member of a consumer-protocol (KIP-848) group may miss heartbeats before the group gives its
    /// partitions to others (the broker's group.consumer.session.timeout.ms). Default 6 s, so that a killed member's
    /// tasks move soon on a development machine (a broker's default is 45 s); null keeps the mock's 30 s.
    /// </summary>
    public TimeSpan? ConsumerGroupSessionTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// How often members of a consumer-protocol group heartbeat, and so how soon they hear of a new assignment (the
    /// broker's group.consumer.heartbeat.interval.ms). Default 1 s; null keeps the mock's 3 s.
    /// </summary>
    public TimeSpan? ConsumerGroupHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Receives the cluster's own librdkafka log (broker threads, connections). Null, the default, turns it off;
    /// clients connecting to the cluster log as they are configured to.
    /// </summary>
    public ILogger? Logger { get; set; }

    /// <summary>Checks every setting; <see cref="EmbeddedKafkaCluster.Start"/> calls it.</summary>
    /// <exception cref="ArgumentException">One or more settings are invalid; the message names each.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (BrokerCount < 1)
        {
            problems.Add($"{nameof(BrokerCount)} must be at least 1 (was {BrokerCount})");
        }

        if (GroupInitialRebalanceDelay is { } delay && (delay < TimeSpan.Zero || delay.TotalMilliseconds > int.MaxValue))
        {
            problems.Add($"{nameof(GroupInitialRebalanceDelay)} must be between zero and {int.MaxValue} ms (was {delay})");
        }

        foreach (var (name, value) in new[] { (nameof(ConsumerGroupSessionTimeout), ConsumerGroupSessionTimeout), (nameof(ConsumerGroupHeartbeatInterval), ConsumerGroupHeartbeatInterval) })
        {
            if (value is { } v && (v < TimeSpan.FromMilliseconds(1) || v.TotalMilliseconds > int.MaxValue))
            {
                problems.Add($"{name} must be between 1 and {int.MaxValue} ms (was {v})");
            }
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
