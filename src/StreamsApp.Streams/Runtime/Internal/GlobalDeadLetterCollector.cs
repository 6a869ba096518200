using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// The collector of the global state. Global stores are not logged and global processors cannot forward, so the only
/// records global state writes are dead letters: a global record that cannot be read or processed goes through the
/// exception handlers like any other, and a DeadLetter response must work there too, or one bad record on a global
/// topic would stop every instance at each start (the topic is read again from the checkpoint). The dead letters go
/// through a producer of the global thread's own, created on first use and never transactional: global state commits
/// no offsets, so they are at-least-once (a record read again after a crash is dead-lettered again, with the same
/// source coordinates in its headers).
/// </summary>
internal sealed class GlobalDeadLetterCollector(Func<StreamsProducer> createProducer, TopicPartitionCounts partitionCounts)
    : RecordCollectorBase, IDisposable
{
    private StreamsProducer? _producer;
    private Action<DeliveryReport<byte[]?, byte[]?>>? _onDelivery;

    /// <summary>
    /// Closes the producer, if one was ever needed. A clean close flushed it with the last checkpoint; after a failure,
    /// what it still holds is dead-lettered again, since the checkpoint did not pass it.
    /// </summary>
    public void Dispose() => _producer?.Dispose();

    protected override void FlushSends() => _producer?.Flush();

    protected override int PartitionCount(string topic) => partitionCounts.Get(topic);

    protected override (int Partition, long Offset)? SendSerialized(
        string topic, int? partition, byte[]? key, byte[]? value, Headers? headers, long timestamp, SendOrigin? origin)
    {
        if (!topic.EndsWith(DeadLetterTopic.Suffix, StringComparison.Ordinal))
        {
            throw new StreamsException(
                $"Global state cannot write to topics (tried '{topic}'): global stores are restored from their source topic, " +
                "and only dead letters are written for it");
        }

        _producer ??= createProducer();
        _onDelivery ??= report =>
        {
            if (report.Error.IsError)
            {
                OnDeliveryFailed(report.TopicPartition, report.Message, new ProduceException<byte[]?, byte[]?>(report.Error, report), null);
            }
        };
        var message = new Message<byte[]?, byte[]?>
        {
            Key = key,
            Value = value,
            Headers = headers,
            Timestamp = new Timestamp(timestamp, TimestampType.CreateTime),
        };
        _producer.Send(new TopicPartition(topic, partition ?? Partition.Any), message, _onDelivery);
        return null;
    }
}
