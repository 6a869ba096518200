using Confluent.Kafka;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A task's collector on a real cluster: records go to the thread's producer with a delivery handler (never one
/// awaited send per record); acknowledged offsets feed changelog checkpoints; a failed delivery goes to the base
/// class, which applies the production exception handler and keeps a failure for the task's next send or flush, as
/// Kafka Streams' RecordCollectorImpl does.
/// </summary>
internal sealed class KafkaRecordCollector : RecordCollectorBase
{
    private readonly StreamsProducer _producer;
    private readonly TopicPartitionCounts _partitionCounts;
    private readonly Action<DeliveryReport<byte[]?, byte[]?>> _onDelivery;

    // A task writes to few partitions; reusing their TopicPartition saves an allocation per record.
    private readonly Dictionary<(string Topic, int Partition), TopicPartition> _destinations = [];

    public KafkaRecordCollector(StreamsProducer producer, TopicPartitionCounts partitionCounts)
    {
        _producer = producer;
        _partitionCounts = partitionCounts;
        _onDelivery = report => OnDelivery(report, null, null);
    }

    protected override void FlushSends() => _producer.Flush();

    protected override int PartitionCount(string topic) => _partitionCounts.Get(topic);

    protected override (int Partition, long Offset)? SendSerialized(
        string topic, int? partition, byte[]? key, byte[]? value, Headers? headers, long timestamp, SendOrigin? origin)
    {
        var message = new Message<byte[]?, byte[]?>
        {
            Key = key,
            Value = value,
            Headers = headers,
            Timestamp = new Timestamp(timestamp, TimestampType.CreateTime),
        };

        // A sink record's handler keeps its origin and the message (reports carry status only, not the bytes) for the
        // production exception handler; the engine's own records (changelog, dead-letter) share one delegate, as
        // they fail the task whatever happens.
        var onDelivery = origin is null ? _onDelivery : report => OnDelivery(report, message, origin);
        _producer.Send(Destination(topic, partition ?? Partition.Any), message, onDelivery);
        return null;
    }

    private TopicPartition Destination(string topic, int partition)
    {
        if (!_destinations.TryGetValue((topic, partition), out var destination))
        {
            destination = new TopicPartition(topic, partition);
            _destinations.Add((topic, partition), destination);
        }

        return destination;
    }

    private void OnDelivery(DeliveryReport<byte[]?, byte[]?> report, Message<byte[]?, byte[]?>? sent, SendOrigin? origin)
    {
        if (report.Error.IsError)
        {
            var error = new ProduceException<byte[]?, byte[]?>(report.Error, report);
            OnDeliveryFailed(report.TopicPartition, sent ?? report.Message, error, origin);
            return;
        }

        Track(report.Topic, (report.Partition.Value, report.Offset.Value));
    }
}
