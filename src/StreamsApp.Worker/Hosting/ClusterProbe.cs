using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Hosting;

/// <summary>
/// Checks at start that the configured cluster answers, within <c>Kafka:ConnectTimeout</c>, before any other client
/// exists: an address where nothing listens, or security settings the brokers refuse, then end the worker with one
/// message and exit code 2, not a minute of reconnection lines and a crash. Each distinct client log line is shown
/// once while it waits.
/// </summary>
internal static class ClusterProbe
{
    /// <exception cref="ClusterUnreachableException">The cluster did not answer in time.</exception>
    public static void EnsureReachable(WorkerOptions worker, ILogger log)
    {
        var bootstrap = worker.Streams.BootstrapServers;
        var timeout = worker.Kafka.ConnectTimeout;
        var properties = KafkaClientProperties.For(StreamsConfigFactory.Create(worker, bootstrap).KafkaProperties, KafkaClientKind.Admin);
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
    }
}
