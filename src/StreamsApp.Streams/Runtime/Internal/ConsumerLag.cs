using System.Globalization;
using System.Text.Json;
using StreamsApp.Streams.Metrics;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A stream thread's consumer lag per partition (Kafka's <c>records-lag</c>, group
/// <c>consumer-fetch-manager-metrics</c>), from librdkafka's statistics of the main consumer: the thread keeps the
/// latest statistics text as it arrives (every <c>statistics.interval.ms</c>) and it is parsed only when read, off
/// the processing path. Lag is the partition's end (high watermark; last stable offset under read-committed) minus
/// the consumer's position (the offset after the last record handed to the thread), or minus the committed offset
/// before the first record.
/// </summary>
internal sealed class ConsumerLag(bool readCommitted)
{
    private const string Group = "consumer-fetch-manager-metrics";
    private volatile string? _statistics;

    /// <summary>Keeps the latest statistics (librdkafka's JSON); called on the stream thread.</summary>
    public void OnStatistics(string json) => _statistics = json;

    /// <summary>Adds the lag of each partition in <paramref name="assigned"/> that the latest statistics know the end and position of.</summary>
    public void Read(string threadId, IReadOnlySet<(string Topic, int Partition)> assigned, ICollection<MetricValue> values)
    {
        if (_statistics is not { } json || assigned.Count == 0)
        {
            return;
        }

        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("topics", out var topics))
        {
            return;
        }

        foreach (var topic in topics.EnumerateObject())
        {
            if (!topic.Value.TryGetProperty("partitions", out var partitions))
            {
                continue;
            }

            foreach (var partition in partitions.EnumerateObject())
            {
                var id = partition.Value.GetProperty("partition").GetInt32();
                if (assigned.Contains((topic.Name, id)) && Lag(partition.Value) is { } lag)
                {
                    values.Add(new MetricValue(
                        MetricName.Of("records-lag", Group, "thread-id", threadId, "topic", topic.Name, "partition", id.ToString(CultureInfo.InvariantCulture)),
                        lag));
                }
            }
        }
    }

    private long? Lag(JsonElement partition)
    {
        var end = partition.GetProperty(readCommitted ? "ls_offset" : "hi_offset").GetInt64();
        var position = partition.GetProperty("app_offset").GetInt64();
        if (position < 0)
        {
            position = partition.GetProperty("committed_offset").GetInt64();
        }

        // Negative offsets are librdkafka's "not known yet" (-1001) and friends.
        return end < 0 || position < 0 ? null : Math.Max(0, end - position);
    }
}
