using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Hosting;

/// <summary>
/// Checks at start that the configured cluster answers, within <c>Kafka:ConnectTimeout</c>, and speaks the configured
/// group protocol, before any other client exists: an address where nothing listens, security settings the brokers
/// refuse, or a broker too old for the consumer group protocol, then end the worker with one message and exit code
/// 2, not a minute of reconnection lines and a crash. Each distinct client log line is shown once while it waits.
/// </summary>
internal static class ClusterProbe
{
    /// <exception cref="ClusterUnreachableException">The cluster did not answer in time.</exception>
    /// <exception cref="StreamsConfigException">The cluster does not speak the configured group protocol.</exception>
    public static void EnsureReachable(WorkerOptions worker, ILogger log)
    {
        var bootstrap = worker.Streams.BootstrapServers;
        var timeout = worker.Kafka.ConnectTimeout;
        var config = StreamsConfigFactory.Create(worker, bootstrap);
        var properties = KafkaClientProperties.For(config.KafkaProperties, KafkaClientKind.Admin);
        properties["bootstrap.servers"] = bootstrap;
        var forwarder = new KafkaLogForwarder(log, window: timeout + TimeSpan.FromSeconds(1));
        using var admin = new AdminClientBuilder(properties).SetLogHandler((_, message) => forwarder.Log(message)).Build();
        try
        {
            admin.GetMetadata(timeout);
        }
        catch (KafkaException e)
        {
            throw new ClusterUnreachableException(bootstrap, timeout, e.Error.Reason, e);
        }

        // Before any consumer of the worker joins: an old broker is one message, not a host failing to start.
        KafkaStreams.CheckGroupProtocolAsync(config, log).GetAwaiter().GetResult();
    }
}
