using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// Works out how many partitions every source and internal topic has, and so how many tasks each sub-topology gets:
/// external topics as the cluster (or test driver) says; a repartition topic with a chosen count (explicit
/// <c>Repartition</c>) that count; any other repartition topic as many as the external topics read with it in one
/// sub-topology (as Kafka Streams' co-partitioning enforcer does for joins), else as many as the tasks of the
/// sub-topology writing it. Topics read by one sub-topology must be co-partitioned (equal counts).
/// </summary>
internal static class PartitionCountResolver
{
    /// <param name="builder">The blueprint.</param>
    /// <param name="applicationId">Prefixes internal topic names.</param>
    /// <param name="externalPartitions">Partition count of a topic the application does not own.</param>
    /// <returns>Resolved topic name → partition count, and sub-topology id → task count.</returns>
    public static (IReadOnlyDictionary<string, int> Topics, IReadOnlyDictionary<int, int> Tasks) Resolve(
        InternalTopologyBuilder builder, string applicationId, Func<string, int> externalPartitions)
    {
        var subtopologies = builder.Subtopologies();
        var topics = new Dictionary<string, int>(StringComparer.Ordinal);
        var tasks = new Dictionary<int, int>();
        var writers = InternalTopicWriters(builder, subtopologies);
        bool progress;
        do
        {
            progress = false;
            foreach (var subtopology in subtopologies)
            {
                if (tasks.ContainsKey(subtopology.Id))
                {
                    continue;
                }

                var counts = new List<(string Topic, int Count)>();
                var followers = new List<string>();
                foreach (var topic in subtopology.SourceTopics)
                {
                    if (!builder.InternalTopics.Contains(topic))
                    {
                        counts.Add((topic, externalPartitions(topic)));
                    }
                    else if (builder.InternalTopicPartitions.TryGetValue(topic, out var chosen))
                    {
                        counts.Add((topic, chosen));
                    }
                    else
                    {
                        followers.Add(topic);
                    }
                }

                if (counts.Count == 0)
                {
                    foreach (var topic in followers)
                    {
                        if (writers.TryGetValue(topic, out var writer) && tasks.TryGetValue(writer, out var writerTasks))
                        {
                            counts.Add((topic, writerTasks));
                        }
                    }

                    if (counts.Count < followers.Count)
                    {
                        continue;
                    }
                }

                var distinct = counts.Select(c => c.Count).Distinct().ToList();
                if (distinct.Count > 1)
                {
                    throw new TopologyException(
                        $"sub-topology {subtopology.Id} reads topics that are not co-partitioned: " +
                        string.Join(", ", counts.Select(c => $"'{c.Topic}' has {c.Count}")) +
                        "; topics joined or merged into one task must have the same number of partitions (repartition one of them)");
                }

                tasks[subtopology.Id] = distinct[0];
                foreach (var (topic, count) in counts)
                {
                    topics[builder.ResolveTopic(applicationId, topic)] = count;
                }

                // Repartition topics read with topics of known size take that size, so that they co-partition.
                foreach (var topic in followers)
                {
                    topics[builder.ResolveTopic(applicationId, topic)] = distinct[0];
                }

                progress = true;
            }
        }
        while (progress);

        if (tasks.Count < subtopologies.Count)
        {
            throw new TopologyException("some repartition topics have no writer, so their partition counts cannot be known");
        }

        return (topics, tasks);
    }

    private static Dictionary<string, int> InternalTopicWriters(InternalTopologyBuilder builder, IReadOnlyList<Subtopology> subtopologies)
    {
        var writers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var subtopology in subtopologies)
        {
            foreach (var name in subtopology.NodeNames)
            {
                if (builder.Node(name) is ISinkNodeFactory { Topic: { } topic } && builder.InternalTopics.Contains(topic))
                {
                    writers[topic] = subtopology.Id;
                }
            }
        }

        return writers;
    }
}
