using Confluent.Kafka;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Kafka.Embedded.Internal;

/// <summary>
/// <see cref="ITopicAdmin"/> for the embedded cluster, which has no admin API: topics are created through the mock
/// API and partition counts are read from cluster metadata.
/// </summary>
internal sealed class EmbeddedTopicAdmin : ITopicAdmin
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Why exactly-once cannot hold on the mock cluster, however it is reached.</summary>
    internal const string MockExactlyOnceUnsupportedReason =
        "the embedded (mock) cluster does not store offsets committed in transactions and does not filter aborted records, " +
        "so exactly-once cannot hold on it; use a real Kafka cluster for exactly-once";

    /// <inheritdoc />
    public string? ExactlyOnceUnsupportedReason => MockExactlyOnceUnsupportedReason;

    private readonly EmbeddedKafkaCluster _cluster;
    private readonly IAdminClient _metadataClient;

    internal EmbeddedTopicAdmin(EmbeddedKafkaCluster cluster)
    {
        _cluster = cluster;
        _metadataClient = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers })
            .SetLogHandler((_, _) => { })
            .Build();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> GetPartitionCountsAsync(
        IReadOnlyCollection<string> topics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topics);

        // Metadata for all topics: a request naming a missing topic would let the mock auto-create it (the
        // AdminClient is a producer underneath, and producers ask for auto-creation).
        var metadata = await Task.Run(() => _metadataClient.GetMetadata(MetadataTimeout), cancellationToken)
            .ConfigureAwait(false);
        var wanted = topics.ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var topic in metadata.Topics.Where(topic => wanted.Contains(topic.Topic)))
        {
            if (topic.Error.Code == ErrorCode.UnknownTopicOrPart)
            {
                continue;
            }

            if (topic.Error.IsError)
            {
                throw new KafkaException(topic.Error);
            }

            counts[topic.Topic] = topic.Partitions.Count;
        }

        return counts;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Topic configs (e.g. cleanup.policy=compact) are ignored: the mock cluster stores none and neither compacts
    /// nor enforces retention, so there is nothing to apply them to. Replication factor is 1.
    /// </remarks>
    public Task CreateTopicsAsync(IReadOnlyCollection<TopicDefinition> topics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topics);
        foreach (var topic in topics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _cluster.TryCreateTopic(topic.Name, topic.Partitions, replicationFactor: 1);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>The mock cluster tells no topic ids; its id is the one drawn when it started.</remarks>
    public Task<ClusterIdentity> GetClusterIdentityAsync(IReadOnlyCollection<string> topics, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ClusterIdentity(_cluster.ClusterId, new Dictionary<string, Guid>()));

    /// <inheritdoc />
    /// <remarks>The mock keeps one session and heartbeat for all its groups: this sets them for every group.</remarks>
    public Task<string?> SetConsumerGroupTimeoutsAsync(
        string groupId, TimeSpan? sessionTimeout, TimeSpan? heartbeatInterval, CancellationToken cancellationToken = default)
    {
        _cluster.SetConsumerGroupTimeouts(sessionTimeout, heartbeatInterval);
        return Task.FromResult<string?>(null);
    }

    /// <inheritdoc />
    public void Dispose() => _metadataClient.Dispose();
}
