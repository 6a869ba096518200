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
                if (NonNegative(partition.Value, "partition") is { } id && assigned.Contains((topic.Name, (int)id)) && Lag(partition.Value) is { } lag)
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
        var end = NonNegative(partition, readCommitted ? "ls_offset" : "hi_offset");
        var position = NonNegative(partition, "app_offset") ?? NonNegative(partition, "committed_offset");
        return end is { } e && position is { } p ? Math.Max(0, e - p) : null;
    }

    /// <summary>A number field; null when missing or negative (librdkafka's "not known yet", -1001, and friends).</summary>
    private static long? NonNegative(JsonElement partition, string field) =>
        partition.TryGetProperty(field, out var value) && value.TryGetInt64(out var offset) && offset >= 0 ? offset : null;
}
