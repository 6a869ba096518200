using Confluent.Kafka;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Testing.Internal;

/// <summary>
/// Captures what tasks write, with per-partition offsets, instead of sending it to a broker; rejects what
/// <paramref name="rejectSend"/> says, as a broker's failed delivery report.
/// </summary>
internal sealed class TestRecordCollector(
    Func<string, int> partitionCount, Action<ProducedRecord> onSend, Func<string, int, Exception?>? rejectSend) : RecordCollectorBase
{
    private readonly Dictionary<(string Topic, int Partition), long> _nextOffsets = [];

    protected override void FlushSends()
    {
    }

    protected override int PartitionCount(string topic) => partitionCount(topic);

    protected override (int Partition, long Offset)? SendSerialized(
        string topic, int? partition, byte[]? key, byte[]? value, Headers? headers, long timestamp, SendOrigin? origin)
    {
        var target = partition ?? 0;
        if (rejectSend?.Invoke(topic, target) is { } error)
        {
            var rejected = new Message<byte[]?, byte[]?>
            {
                Key = key, Value = value, Headers = headers, Timestamp = new Timestamp(timestamp, TimestampType.CreateTime),
            };
            OnDeliveryFailed(new TopicPartition(topic, target), rejected, error, origin);
            return null;
        }

        var offset = _nextOffsets.GetValueOrDefault((topic, target));
        _nextOffsets[(topic, target)] = offset + 1;
        onSend(new ProducedRecord(topic, target, offset, key, value, HeaderSnapshot.Of(headers), timestamp));
        return (target, offset);
    }
}
