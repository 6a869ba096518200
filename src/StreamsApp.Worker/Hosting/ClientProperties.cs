using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Hosting;

/// <summary>The librdkafka properties of the worker's own clients (order producer, saga monitor), the same the engine's get.</summary>
internal static class ClientProperties
{
    /// <summary>The pass-through properties plus the bootstrap servers.</summary>
    public static Dictionary<string, string> For(WorkerOptions options, KafkaConnection connection) =>
        new(StreamsConfigFactory.Create(options, connection.BootstrapServers).KafkaProperties, StringComparer.Ordinal)
        {
            ["bootstrap.servers"] = connection.BootstrapServers,
        };
}
