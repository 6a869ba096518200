using Confluent.Kafka;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Hosting;

/// <summary>
/// The configuration of the worker's own clients (order and demo producers, saga monitor, dead-letter browser), from
/// the same properties the engine's get.
/// </summary>
internal static class ClientProperties
{
    /// <summary>
    /// A producer that places keyed records where the engine (and Java clients) do: murmur2, as Kafka Streams'
    /// partitioner. librdkafka's default (crc32) would put a product's stock on another partition than its orders.
    /// </summary>
    public static ProducerConfig Producer(WorkerOptions options, KafkaConnection connection) =>
        new(For(options, connection, KafkaClientKind.Producer)) { Partitioner = Partitioner.Murmur2Random, EnableIdempotence = true, LingerMs = 5 };

    /// <summary>A consumer in its own group.</summary>
    public static ConsumerConfig Consumer(WorkerOptions options, KafkaConnection connection, string groupId) =>
        new(For(options, connection, KafkaClientKind.Consumer)) { GroupId = groupId, AutoOffsetReset = AutoOffsetReset.Earliest, EnableAutoCommit = false };

    /// <summary>An admin client: without the consumer's or producer's own properties, which librdkafka would warn about.</summary>
    public static AdminClientConfig Admin(WorkerOptions options, KafkaConnection connection) => new(For(options, connection, KafkaClientKind.Admin));

    private static Dictionary<string, string> For(WorkerOptions options, KafkaConnection connection, KafkaClientKind kind)
    {
        var properties = KafkaClientProperties.For(StreamsConfigFactory.Create(options, connection.BootstrapServers).KafkaProperties, kind);
        properties["bootstrap.servers"] = connection.BootstrapServers;
        return properties;
    }
}
