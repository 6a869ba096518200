using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A task's collector on a real cluster: records go to the thread's producer with a delivery handler (never one
/// awaited send per record); acknowledged offsets feed changelog checkpoints; the first failed delivery is kept and
/// thrown on the task's next send or flush, as Kafka Streams' RecordCollectorImpl does.
/// </summary>
internal sealed class KafkaRecordCollector : RecordCollectorBase
{
    private readonly StreamsProducer _producer;
    private readonly TopicPartitionCounts _partitionCounts;
    private readonly TaskId _taskId;
    private readonly Action<DeliveryReport<byte[]?, byte[]?>> _onDelivery;
    private volatile StreamsException? _sendException;

    public KafkaRecordCollector(StreamsProducer producer, TopicPartitionCounts partitionCounts, TaskId taskId)
    {
        _producer = producer;
        _partitionCounts = partitionCounts;
        _taskId = taskId;
        _onDelivery = OnDelivery;
    }

    public override void Flush()
    {
        ThrowIfSendFailed();
        _producer.Flush();
        ThrowIfSendFailed();
    }

    protected override int PartitionCount(string topic) => _partitionCounts.Get(topic);

    protected override (int Partition, long Offset)? SendSerialized(
        string topic, int? partition, byte[]? key, byte[]? value, Headers? headers, long timestamp)
    {
        ThrowIfSendFailed();
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

    private void OnDelivery(DeliveryReport<byte[]?, byte[]?> report)
    {
        if (report.Error.IsError)
        {
            _sendException ??= new StreamsException(
                $"Task {_taskId} could not send a record to {report.Topic}-{report.Partition.Value}: {report.Error.Reason}",
                new ProduceException<byte[]?, byte[]?>(report.Error, report));
            return;
        }

        Track(report.Topic, (report.Partition.Value, report.Offset.Value));
    }

    private void ThrowIfSendFailed()
    {
        if (_sendException is { } e)
        {
            throw e;
        }
    }
}
