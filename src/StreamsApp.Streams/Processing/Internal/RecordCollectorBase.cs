using System.Collections.Concurrent;
using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// Serializes sink records and picks their partition the same way in the runtime and the test driver; subclasses
/// only move bytes.
/// </summary>
internal abstract class RecordCollectorBase : IRecordCollector
{
    // The runtime tracks offsets from delivery reports, on librdkafka's thread.
    private readonly ConcurrentDictionary<(string Topic, int Partition), long> _offsets = new();

    public bool TryGetOffset(string topic, int partition, out long offset) => _offsets.TryGetValue((topic, partition), out offset);

    public void Send<TKey, TValue>(
        string topic, Record<TKey, TValue> record, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        StreamPartitioner<TKey, TValue>? partitioner, string sinkName)
    {
        var keyBytes = Serialize(keySerde, record.Key, topic, MessageComponentType.Key, record.Headers, sinkName);
        var valueBytes = Serialize(valueSerde, record.Value, topic, MessageComponentType.Value, record.Headers, sinkName);
        int? partition = null;
        if (partitioner is not null)
        {
            partition = partitioner(topic, record.Key, record.Value, PartitionCount(topic));
        }

        if (partition is null && keyBytes is not null)
        {
            var count = PartitionCount(topic);
            partition = count == 1 ? 0 : Murmur2Partitioner.Partition(keyBytes, count);
        }

        var headers = record.Headers.Count == 0 ? null : record.Headers;
        Track(topic, SendSerialized(topic, partition, keyBytes, valueBytes, headers, record.Timestamp));
    }

    public void Send(string topic, int partition, byte[] key, byte[]? value, long timestamp) =>
        Track(topic, SendSerialized(topic, partition, key, value, null, timestamp));

    public abstract void Flush();

    /// <summary>The number of partitions of an output topic.</summary>
    protected abstract int PartitionCount(string topic);

    /// <summary>Sends the bytes; a null partition lets the producer choose. Returns the partition and offset when known.</summary>
    protected abstract (int Partition, long Offset)? SendSerialized(
        string topic, int? partition, byte[]? key, byte[]? value, Headers? headers, long timestamp);

    /// <summary>Records an acknowledged offset (the runtime calls this from delivery reports).</summary>
    protected void Track(string topic, (int Partition, long Offset)? sent)
    {
        if (sent is { } s)
        {
            _offsets[(topic, s.Partition)] = s.Offset;
        }
    }

    private static byte[]? Serialize<T>(
        ISerde<T> serde, T data, string topic, MessageComponentType component, Headers headers, string sinkName)
    {
        try
        {
            return serde.Serializer.Serialize(data, new SerializationContext(component, topic, headers));
        }
        catch (Exception e) when (e is not StreamsException)
        {
            throw new StreamsException(
                $"Sink '{sinkName}' cannot serialize the record's {component.ToString().ToLowerInvariant()} " +
                $"({typeof(T).Name}) for topic '{topic}': {e.Message}", e);
        }
    }
}
