using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Operations.DeadLetters;

/// <summary>
/// The application's dead-letter topics (<c>&lt;topic&gt;.DLT</c>, decision 0010) as operators use them (issue 15): which
/// there are and how many records each holds, their records page by page with the metadata decoded, and a replay that
/// republishes chosen records to their source topic. Replays are recorded in <c>&lt;application id&gt;-dlt-replays</c>
/// (compacted, keyed by the DLT record's topic, partition and offset), so each record is replayed once however often
/// the replay is asked. Browsing assigns partitions without a consumer group: it commits nothing and never rebalances.
/// </summary>
internal sealed partial class DeadLetterTopics : IDisposable
{
    /// <summary>The suffix of a dead-letter topic's name.</summary>
    public const string Suffix = ".DLT";

    /// <summary>The header a replayed record carries: the DLT record it came from (<c>topic/partition/offset</c>).</summary>
    public const string ReplaySourceHeader = "streamsapp.replay.source";

    /// <summary>The most records one replay republishes.</summary>
    public const int MaxReplay = 10_000;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly WorkerOptions _options;
    private readonly KafkaConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILogger<DeadLetterTopics> _log;
    private readonly Lazy<IAdminClient> _admin;
    private readonly Lazy<IProducer<byte[]?, byte[]?>> _producer;
    private readonly SemaphoreSlim _replaying = new(1, 1);

    public DeadLetterTopics(IOptions<WorkerOptions> options, KafkaConnection connection, TimeProvider time, ILogger<DeadLetterTopics> log)
    {
        _options = options.Value;
        _connection = connection;
        _time = time;
        _log = log;
        ReplayLog = _options.Streams.ApplicationId + "-dlt-replays";
        var kafkaLog = new KafkaLogForwarder(log);
        _admin = new(() => new AdminClientBuilder(ClientProperties.Admin(_options, _connection)).SetLogHandler((_, message) => kafkaLog.Log(message)).Build());
        _producer = new(() => new ProducerBuilder<byte[]?, byte[]?>(ClientProperties.Producer(_options, _connection)).Build());
    }

    /// <summary>The topic recording what was replayed.</summary>
    public string ReplayLog { get; }

    /// <summary>Every dead-letter topic with its record count (the records the cluster still holds), by name.</summary>
    public IReadOnlyList<DeadLetterTopic> List()
    {
        var metadata = _admin.Value.GetMetadata(Timeout);
        var names = metadata.Topics.Select(topic => topic.Topic).ToHashSet(StringComparer.Ordinal);
        using var consumer = Consumer();
        return [.. metadata.Topics
            .Where(topic => topic.Topic.EndsWith(Suffix, StringComparison.Ordinal) && topic.Error.Code == ErrorCode.NoError)
            .OrderBy(topic => topic.Topic, StringComparer.Ordinal)
            .Select(topic => new DeadLetterTopic(
                topic.Topic, names.Contains(topic.Topic[..^Suffix.Length]) ? topic.Topic[..^Suffix.Length] : null, topic.Partitions.Count,
                topic.Partitions.Sum(p => Count(consumer, new TopicPartition(topic.Topic, p.PartitionId)))))];
    }

    /// <summary>The records of <paramref name="topic"/> from <paramref name="from"/> on, at most <paramref name="limit"/>, and where the next page starts.</summary>
    /// <returns>Null when there is no such dead-letter topic.</returns>
    public DeadLetterPage? Read(string topic, DeadLetterCursor from, int limit)
    {
        if (!PartitionCounts().TryGetValue(topic, out var partitions))
        {
            return null;
        }

        using var consumer = Consumer();
        var items = new List<DeadLetterEntry>();
        DeadLetterCursor? next = null;
        foreach (var partition in Enumerable.Range(from.Partition, Math.Max(0, partitions - from.Partition)))
        {
            var start = partition == from.Partition ? from.Offset : 0;
            foreach (var record in ReadPartition(consumer, new TopicPartition(topic, partition), start, limit - items.Count))
            {
                items.Add(DeadLetterEntry.Of(record));
            }

            if (items.Count == limit)
            {
                next = new DeadLetterCursor(partition, items[^1].Offset + 1);
                break;
            }
        }

        return new DeadLetterPage(items, next);
    }

    /// <summary>
    /// Republishes the records of <paramref name="topic"/> that <paramref name="filter"/> selects (at most
    /// <see cref="MaxReplay"/>) to their source topic and partition, without decision 0010's headers and with
    /// <see cref="ReplaySourceHeader"/>; records replayed before, or without a source topic, are skipped. One replay
    /// runs at a time per worker.
    /// </summary>
    /// <returns>Null when there is no such dead-letter topic.</returns>
    public async Task<ReplayResult?> ReplayAsync(string topic, ReplayFilter filter, CancellationToken cancellationToken)
    {
        var partitionCounts = PartitionCounts();
        if (!partitionCounts.TryGetValue(topic, out var partitions))
        {
            return null;
        }

        await _replaying.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureReplayLog(partitionCounts);
            var done = ReplayedBefore();
            var selected = new List<(ConsumeResult<byte[]?, byte[]?> Record, string Source, string To)>();
            var before = 0;
            using (var consumer = Consumer())
            {
                foreach (var partition in Enumerable.Range(0, partitions).Where(p => filter.Partition is null || filter.Partition == p))
                {
                    foreach (var record in ReadPartition(consumer, new TopicPartition(topic, partition), filter.FromOffset ?? 0, MaxReplay - selected.Count))
                    {
                        if (filter.ToOffset is { } to && record.Offset.Value > to)
                        {
                            break;
                        }

                        var source = $"{topic}/{partition}/{record.Offset.Value}";
                        if (!filter.Matches(record.Message.Headers) || DeadLetterError.Of(record.Message.Headers ?? []).SourceTopic is not { } sourceTopic)
                        {
                            continue;
                        }

                        if (done.Contains(source))
                        {
                            before++;
                            continue;
                        }

                        selected.Add((record, source, sourceTopic));
                    }
                }
            }

            // Sent together and awaited once: the idempotent producer keeps each partition's order.
            var sends = selected.Select(s => Republish(s.Record, s.Source, s.To, partitionCounts)).ToList();
            var delivered = await Task.WhenAll(sends).ConfigureAwait(false);
            foreach (var (replayedRecord, (_, source, _)) in delivered.Zip(selected))
            {
                var entry = JsonSerializer.SerializeToUtf8Bytes(new { to = replayedRecord.To, partition = replayedRecord.ToPartition, at = _time.GetUtcNow() });
                _producer.Value.Produce(ReplayLog, new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(source), Value = entry });
            }

            _producer.Value.Flush(Timeout);
            LogReplayed(_log, delivered.Length, topic, before);
            return new ReplayResult(delivered.Length, before, delivered);
        }
        finally
        {
            _replaying.Release();
        }
    }

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(Timeout);
            _producer.Value.Dispose();
        }

        if (_admin.IsValueCreated)
        {
            _admin.Value.Dispose();
        }

        _replaying.Dispose();
    }

    /// <summary>Sends a DLT record back to its source topic, to its source partition when that still exists.</summary>
    private async Task<ReplayedRecord> Republish(
        ConsumeResult<byte[]?, byte[]?> record, string source, string sourceTopic, Dictionary<string, int> partitionCounts)
    {
        var headers = record.Message.Headers ?? [];
        var replayHeaders = new Headers();
        foreach (var header in headers.Where(h => !h.Key.StartsWith(DeadLetterHeaders.Prefix, StringComparison.Ordinal)))
        {
            replayHeaders.Add(header.Key, header.GetValueBytes());
        }

        replayHeaders.Add(ReplaySourceHeader, Encoding.UTF8.GetBytes(source));
        var message = new Message<byte[]?, byte[]?> { Key = record.Message.Key, Value = record.Message.Value, Headers = replayHeaders };
        var partition = DeadLetterError.Of(headers).SourcePartition is { } p && p < partitionCounts.GetValueOrDefault(sourceTopic) ? new Partition(p) : Partition.Any;
        var delivered = await _producer.Value.ProduceAsync(new TopicPartition(sourceTopic, partition), message).ConfigureAwait(false);
        return new ReplayedRecord(record.Partition.Value, record.Offset.Value, sourceTopic, delivered.Partition.Value);
    }

    /// <summary>The DLT records replayed before (keys of the replay log).</summary>
    private HashSet<string> ReplayedBefore()
    {
        using var consumer = Consumer();
        return [.. ReadPartition(consumer, new TopicPartition(ReplayLog, 0), 0, int.MaxValue)
            .Where(record => record.Message.Key is not null)
            .Select(record => Encoding.UTF8.GetString(record.Message.Key!))];
    }

    private void EnsureReplayLog(Dictionary<string, int> partitionCounts)
    {
        if (partitionCounts.ContainsKey(ReplayLog))
        {
            return;
        }

        using var admin = _connection.CreateTopicAdmin() ?? TopicAdmins.Kafka(StreamsConfigFactory.Create(_options, _connection.BootstrapServers), ReplayLog);
        admin.CreateTopicsAsync([new TopicDefinition(ReplayLog, 1, new Dictionary<string, string> { ["cleanup.policy"] = "compact" })]).GetAwaiter().GetResult();
    }

    /// <summary>The records of a partition from <paramref name="from"/> up to its end now, at most <paramref name="limit"/>.</summary>
    private static IEnumerable<ConsumeResult<byte[]?, byte[]?>> ReadPartition(IConsumer<byte[]?, byte[]?> consumer, TopicPartition partition, long from, int limit)
    {
        var end = consumer.QueryWatermarkOffsets(partition, Timeout).High.Value;
        if (limit <= 0 || from >= end)
        {
            yield break;
        }

        consumer.Assign(new TopicPartitionOffset(partition, new Offset(from)));
        var deadline = DateTime.UtcNow + Timeout;
        for (var read = 0; read < limit && DateTime.UtcNow < deadline;)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { } record || record.IsPartitionEOF)
            {
                if (consumer.Position(partition) >= end)
                {
                    break;
                }

                continue;
            }

            yield return record;
            read++;
            if (record.Offset.Value + 1 >= end)
            {
                break;
            }
        }

        consumer.Unassign();
    }

    private static long Count(IConsumer<byte[]?, byte[]?> consumer, TopicPartition partition)
    {
        var marks = consumer.QueryWatermarkOffsets(partition, Timeout);
        return Math.Max(0, marks.High.Value - Math.Max(0, marks.Low.Value));
    }

    // Metadata of every topic: asking for one by name would create it on a cluster that creates topics on demand.
    private Dictionary<string, int> PartitionCounts() =>
        _admin.Value.GetMetadata(Timeout).Topics
            .Where(t => t.Error.Code == ErrorCode.NoError && t.Partitions.Count > 0)
            .ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);

    private IConsumer<byte[]?, byte[]?> Consumer()
    {
        var config = ClientProperties.Consumer(_options, _connection, ReplayLog + "-browser");
        config.EnablePartitionEof = true;
        return new ConsumerBuilder<byte[]?, byte[]?>(config).Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} records of {Topic} to their source topics ({Before} replayed before, skipped)")]
    private static partial void LogReplayed(ILogger logger, int count, string topic, int before);
}
