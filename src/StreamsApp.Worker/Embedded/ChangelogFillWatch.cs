using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Hosting;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Embedded;

/// <summary>
/// On the embedded cluster only: follows the application's changelogs and warns once per partition when it nears the
/// mock's per-partition limit (<see cref="PartitionFill"/>), before the oldest records are dropped and a restoration
/// of that store would miss them (the engine then logs the loss as an error). README gives the demo's rates.
/// </summary>
internal sealed partial class ChangelogFillWatch(
    IOptions<WorkerOptions> options, KafkaConnection connection, IKafkaStreamsInstance instance, ILogger<ChangelogFillWatch> log) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!connection.IsEmbedded)
        {
            return;
        }

        while (instance.State != KafkaStreamsState.Running)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
        }

        var partitions = await ChangelogPartitionsAsync(stoppingToken).ConfigureAwait(false);
        // Consume blocks; a thread of its own keeps it off the thread pool.
        await Task.Factory.StartNew(() => Follow(partitions, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .ConfigureAwait(false);
    }

    private void Follow(List<TopicPartition> partitions, CancellationToken stoppingToken)
    {
        var config = ClientProperties.Consumer(options.Value, connection, $"{options.Value.Streams.ApplicationId}-changelog-fill-{Guid.NewGuid():N}");
        var kafkaLog = new KafkaLogForwarder(log);
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, message) => kafkaLog.Log(message)).Build();
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        var fill = new PartitionFill();
        var nextCheck = DateTime.UtcNow + CheckInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            // A short poll, so that stopping never waits on it.
            if (consumer.Consume(PollTimeout) is { } record)
            {
                var headers = record.Message.Headers?.Sum(h => h.Key.Length + (h.GetValueBytes()?.Length ?? 0)) ?? 0;
                fill.Add(record.Topic, record.Partition.Value, record.Message.Key?.Length ?? 0, record.Message.Value?.Length ?? 0, headers);
            }

            if (DateTime.UtcNow >= nextCheck)
            {
                nextCheck = DateTime.UtcNow + CheckInterval;
                foreach (var (topic, partition, share, bytes, records) in fill.NewlyFull())
                {
                    LogNearlyFull(log, topic, partition, share, bytes / 1024, records);
                }
            }
        }
    }

    private async Task<List<TopicPartition>> ChangelogPartitionsAsync(CancellationToken cancellationToken)
    {
        var application = options.Value.Streams.ApplicationId;
        var stores = instance.Description.Subtopologies.SelectMany(s => s.Nodes).SelectMany(n => n.Stores).Distinct(StringComparer.Ordinal);
        var counts = await connection.CreateTopicAdmin()!
            .GetPartitionCountsAsync([.. stores.Select(store => $"{application}-{store}-changelog")], cancellationToken).ConfigureAwait(false);
        return [.. counts.SelectMany(t => Enumerable.Range(0, t.Value).Select(p => new TopicPartition(t.Key, p)))];
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Changelog {Topic}-{Partition} is {Share:P0} full on the embedded cluster (about {KiB} KiB in {Records} records of its 5 MiB or 100,000 batches): "
            + "past the limit its oldest records are dropped, and a store restored from it then lacks their keys. Use a real Kafka cluster for long runs")]
    private static partial void LogNearlyFull(ILogger logger, string topic, int partition, double share, long kiB, long records);
}
