using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Runtime;
using StreamsApp.Topologies.Mission;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Hosting;

/// <summary>
/// Creates the mission's missing topics before anything produces to them (<see cref="WorkerOptions.CreatesMissionTopics"/>):
/// through a <c>streamsapp-kafka</c> cluster's topic admin, or Kafka's admin API. Existing topics are left alone, so
/// several workers starting together converge on the first creator's topics.
/// </summary>
internal sealed partial class MissionTopicsSetup(IOptions<WorkerOptions> options, KafkaConnection connection, ILogger<MissionTopicsSetup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var worker = options.Value;
        if (!worker.CreatesMissionTopics)
        {
            return;
        }

        using var admin = connection.CreateTopicAdmin()
            ?? TopicAdmins.Kafka(StreamsConfigFactory.Create(worker, connection.BootstrapServers), $"{worker.Streams.ApplicationId}-mission-topics");
        var wanted = MissionTopics.Definitions(worker.Kafka.TopicPartitions);
        var existing = await admin.GetPartitionCountsAsync([.. wanted.Select(t => t.Name)], cancellationToken).ConfigureAwait(false);
        var missing = wanted.Where(t => !existing.ContainsKey(t.Name)).ToList();
        await admin.CreateTopicsAsync(missing, cancellationToken).ConfigureAwait(false);
        LogTopics(log, missing.Count, existing.Count);
        foreach (var (topic, partitions) in existing.Where(e => e.Value != worker.Kafka.TopicPartitions))
        {
            LogPartitionsDiffer(log, topic, partitions, worker.Kafka.TopicPartitions);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Mission topics: {Created} created, {Existing} existed")]
    private static partial void LogTopics(ILogger logger, int created, int existing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Topic {Topic} has {Partitions} partitions, not Kafka:TopicPartitions={Configured}; it is used as it is")]
    private static partial void LogPartitionsDiffer(ILogger logger, string topic, int partitions, int configured);
}
