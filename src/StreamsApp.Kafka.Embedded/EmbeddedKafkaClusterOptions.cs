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

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad setting.</summary>
    internal void Validate()
    {
        if (BrokerCount < 1)
        {
            throw new ArgumentException(
                $"{nameof(BrokerCount)} must be at least 1 (was {BrokerCount}).", nameof(BrokerCount));
        }

        if (Topics is null)
        {
            throw new ArgumentException($"{nameof(Topics)} must not be null.", nameof(Topics));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in Topics)
        {
            if (topic is null)
            {
                throw new ArgumentException($"{nameof(Topics)} must not contain null.", nameof(Topics));
            }

            TopicNames.Validate(topic.Name, nameof(Topics));
            if (topic.Partitions < 1)
            {
                throw new ArgumentException(
                    $"Topic '{topic.Name}' in {nameof(Topics)} needs at least 1 partition (was {topic.Partitions}).",
                    nameof(Topics));
            }

            if (!names.Add(topic.Name))
            {
                throw new ArgumentException($"Topic '{topic.Name}' appears twice in {nameof(Topics)}.", nameof(Topics));
            }
        }
    }
}
