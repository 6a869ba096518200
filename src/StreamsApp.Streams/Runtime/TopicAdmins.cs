using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Runtime;

/// <summary>The <see cref="ITopicAdmin"/> implementations the engine ships.</summary>
public static class TopicAdmins
{
    /// <summary>
    /// Kafka's admin API on <paramref name="config"/>'s cluster, with its client properties, creating topics with its
    /// <see cref="StreamsConfig.ReplicationFactor"/>: what <see cref="KafkaStreams"/> uses when
    /// <see cref="KafkaStreamsOptions.TopicAdmin"/> is null. Hosts use it to create their external topics the same way.
    /// </summary>
    /// <param name="config">The cluster, client properties and replication factor.</param>
    /// <param name="clientId">The admin client's <c>client.id</c>.</param>
    /// <param name="logger">Where the client's own log lines go (<see cref="KafkaLogForwarder"/>); null: nowhere.</param>
    public static ITopicAdmin Kafka(StreamsConfig config, string clientId, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        return new KafkaTopicAdmin(ClientConfigs.Admin(config, clientId), config.ReplicationFactor, logger);
    }
}
