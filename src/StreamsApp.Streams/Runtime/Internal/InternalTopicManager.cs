using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Prepares the cluster for a topology at start: checks that source topics exist, works out every internal topic's
/// partition count (validating co-partitioning), and creates the repartition and changelog topics that are missing.
/// An internal topic that exists with another partition count is an error, since its keys would move between tasks.
/// </summary>
internal static class InternalTopicManager
{
    private static readonly IReadOnlyDictionary<string, string> RepartitionConfigs =
        new Dictionary<string, string> { ["cleanup.policy"] = "delete" };

    private static readonly IReadOnlyDictionary<string, string> QueryHostsConfigs =
        new Dictionary<string, string> { ["cleanup.policy"] = "compact" };

    /// <param name="builder">The topology.</param>
    /// <param name="applicationId">Prefixes internal topics.</param>
    /// <param name="admin">Looks up and creates topics.</param>
    /// <param name="queryHosts">Also creates the one-partition, compacted topic of interactive-query hosts (decision 0016).</param>
    /// <param name="cancellationToken">Stops waiting for the cluster.</param>
    public static async Task<TopologyMetadata> PrepareAsync(
        InternalTopologyBuilder builder, string applicationId, ITopicAdmin admin, bool queryHosts, CancellationToken cancellationToken)
    {
        var subtopologies = builder.Subtopologies();
        var external = subtopologies.SelectMany(s => s.SourceTopics)
            .Where(t => !builder.InternalTopics.Contains(t))
            .Concat(builder.GlobalTopics)
            .ToHashSet(StringComparer.Ordinal);
        var existing = await admin.GetPartitionCountsAsync(external, cancellationToken).ConfigureAwait(false);
        var missing = external.Where(t => !existing.ContainsKey(t)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new StreamsException(
                $"Source topics [{string.Join(", ", missing)}] do not exist; create them before starting the application");
        }

        var (topics, tasks) = PartitionCountResolver.Resolve(builder, applicationId, t => existing[t]);
        var wanted = new List<TopicDefinition>();
        foreach (var topic in builder.InternalTopics)
        {
            var name = builder.ResolveTopic(applicationId, topic);
            wanted.Add(new TopicDefinition(name, topics[name], RepartitionConfigs));
        }

        foreach (var subtopology in subtopologies)
        {
            foreach (var store in subtopology.StoreNames)
            {
                var storeBuilder = builder.Stores[store].Builder;
                if (storeBuilder.LoggingEnabled)
                {
                    wanted.Add(new TopicDefinition(
                        InternalTopologyBuilder.ChangelogTopic(applicationId, store), tasks[subtopology.Id], storeBuilder.LogConfig));
                }
            }
        }

        if (queryHosts)
        {
            wanted.Add(new TopicDefinition(Queries.QueryHostsExchange.TopicName(applicationId), 1, QueryHostsConfigs));
        }

        await CreateMissingAsync(admin, wanted, cancellationToken).ConfigureAwait(false);
        var partitionCounts = new Dictionary<string, int>(existing, StringComparer.Ordinal);
        foreach (var topic in wanted)
        {
            partitionCounts[topic.Name] = topic.Partitions;
        }

        return new TopologyMetadata(builder, applicationId, partitionCounts, tasks);
    }

    private static async Task CreateMissingAsync(ITopicAdmin admin, List<TopicDefinition> wanted, CancellationToken cancellationToken)
    {
        var current = await admin.GetPartitionCountsAsync([.. wanted.Select(t => t.Name)], cancellationToken).ConfigureAwait(false);
        var wrong = wanted.Where(t => current.TryGetValue(t.Name, out var count) && count != t.Partitions).ToList();
        if (wrong.Count > 0)
        {
            throw new StreamsException(
                "Internal topics exist with the wrong number of partitions: " +
                string.Join(", ", wrong.Select(t => $"'{t.Name}' has {current[t.Name]}, needs {t.Partitions}")) +
                "; delete them (or reset the application) so that they can be recreated");
        }

        await admin.CreateTopicsAsync([.. wanted.Where(t => !current.ContainsKey(t.Name))], cancellationToken).ConfigureAwait(false);
    }
}
