using System.Buffers.Binary;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>Topic administration on a real cluster, through Kafka's admin API.</summary>
internal sealed class KafkaTopicAdmin(AdminClientConfig config, short replicationFactor, Microsoft.Extensions.Logging.ILogger? logger) : ITopicAdmin
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(30);
    private readonly IAdminClient _admin = Build(config, logger);

    public Task<IReadOnlyDictionary<string, int>> GetPartitionCountsAsync(
        IReadOnlyCollection<string> topics, CancellationToken cancellationToken = default)
    {
        // A metadata request for all topics never auto-creates one (a request naming a missing topic might).
        Metadata metadata;
        try
        {
            metadata = _admin.GetMetadata(MetadataTimeout);
        }
        catch (KafkaException e) when (e.Error.Code is ErrorCode.Local_Transport or ErrorCode.Local_TimedOut or ErrorCode.Local_AllBrokersDown)
        {
            throw new ClusterUnreachableException(config.BootstrapServers, MetadataTimeout, e.Error.Reason, e);
        }

        var wanted = topics.ToHashSet(StringComparer.Ordinal);
        IReadOnlyDictionary<string, int> counts = metadata.Topics
            .Where(t => wanted.Contains(t.Topic) && t.Error.Code == ErrorCode.NoError)
            .ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);
        return Task.FromResult(counts);
    }

    public async Task CreateTopicsAsync(IReadOnlyCollection<TopicDefinition> topics, CancellationToken cancellationToken = default)
    {
        if (topics.Count == 0)
        {
            return;
        }

        var specifications = topics.Select(t => new TopicSpecification
        {
            Name = t.Name,
            NumPartitions = t.Partitions,
            ReplicationFactor = replicationFactor,
            Configs = t.Configs.ToDictionary(c => c.Key, c => c.Value),
        }).ToList();
        try
        {
            await _admin.CreateTopicsAsync(specifications).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CreateTopicsException e)
        {
            // Another instance of the application may have created them first.
            var failed = e.Results.Where(r => r.Error.Code is not (ErrorCode.NoError or ErrorCode.TopicAlreadyExists)).ToList();
            if (failed.Count > 0)
            {
                throw new StreamsException(
                    "Cannot create internal topics: " + string.Join("; ", failed.Select(r => $"{r.Topic}: {r.Error.Reason}")), e);
            }
        }
    }

    public async Task<ClusterIdentity> GetClusterIdentityAsync(IReadOnlyCollection<string> topics, CancellationToken cancellationToken = default)
    {
        var cluster = await _admin.DescribeClusterAsync(new DescribeClusterOptions { RequestTimeout = MetadataTimeout })
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        if (topics.Count == 0)
        {
            return new ClusterIdentity(cluster.ClusterId, new Dictionary<string, Guid>());
        }

        List<TopicDescription> described;
        try
        {
            var result = await _admin.DescribeTopicsAsync(
                TopicCollection.OfTopicNames(topics), new DescribeTopicsOptions { RequestTimeout = MetadataTimeout })
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            described = result.TopicDescriptions;
        }
        catch (DescribeTopicsException e)
        {
            // Topics that do not exist (yet) have no id to record; the others still count.
            described = e.Results.TopicDescriptions;
        }

        return new ClusterIdentity(cluster.ClusterId, described
            .Where(t => t.Error.Code == ErrorCode.NoError && t.TopicId is not null)
            .ToDictionary(t => t.Name, t => ToGuid(t.TopicId), StringComparer.Ordinal));
    }

    public async Task<string?> SetConsumerGroupTimeoutsAsync(
        string groupId, TimeSpan? sessionTimeout, TimeSpan? heartbeatInterval, CancellationToken cancellationToken = default)
    {
        var entries = new List<ConfigEntry>();
        foreach (var (name, value) in new[] { ("consumer.session.timeout.ms", sessionTimeout), ("consumer.heartbeat.interval.ms", heartbeatInterval) })
        {
            if (value is { } v)
            {
                entries.Add(new ConfigEntry
                {
                    Name = name,
                    Value = ((long)v.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    IncrementalOperation = AlterConfigOpType.Set,
                });
            }
        }

        if (entries.Count == 0)
        {
            return null;
        }

        // librdkafka sends group configs to the controller and waits up to the request timeout for one; a cluster that
        // serves no IncrementalAlterConfigs (the embedded one, reached as a Kafka cluster) would hold the start that long.
        if (BrokerApiVersions.CanAsk(config)
            && await BrokerApiVersions.ReadAsync(config.BootstrapServers, BrokerApiVersions.DefaultTimeout, cancellationToken).ConfigureAwait(false) is { } apis
            && !apis.Contains(BrokerApiVersions.IncrementalAlterConfigs))
        {
            return "the cluster serves no IncrementalAlterConfigs";
        }

        try
        {
            await _admin.IncrementalAlterConfigsAsync(
                new Dictionary<ConfigResource, List<ConfigEntry>> { [new ConfigResource { Type = ResourceType.Group, Name = groupId }] = entries },
                new IncrementalAlterConfigsOptions { RequestTimeout = MetadataTimeout })
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (IncrementalAlterConfigsException e)
        {
            return string.Join("; ", e.Results.Select(r => r.Error.Reason));
        }
        catch (KafkaException e)
        {
            return e.Error.Reason;
        }
    }

    public void Dispose() => _admin.Dispose();

    private static Guid ToGuid(Uuid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, id.MostSignificantBits.Value);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], id.LeastSignificantBits.Value);
        return new Guid(bytes, bigEndian: true);
    }

    private static IAdminClient Build(AdminClientConfig config, Microsoft.Extensions.Logging.ILogger? logger)
    {
        var forwarder = logger is null ? null : new KafkaLogForwarder(logger);
        return new AdminClientBuilder(config).SetLogHandler((_, message) => forwarder?.Log(message)).Build();
    }
}
