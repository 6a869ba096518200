using Confluent.Kafka;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing.Internal;

namespace StreamsApp.Streams.Testing;

/// <summary>
/// Reads what a topology wrote to one topic, in the order it was written (across partitions). Reading consumes:
/// two output topics for the same name share one queue.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class TestOutputTopic<TKey, TValue>
{
    private readonly Queue<ProducedRecord> _records;
    private readonly string _topic;
    private readonly ISerde<TKey> _keySerde;
    private readonly ISerde<TValue> _valueSerde;

    internal TestOutputTopic(Queue<ProducedRecord> records, string topic, ISerde<TKey> keySerde, ISerde<TValue> valueSerde)
    {
        _records = records;
        _topic = topic;
        _keySerde = keySerde;
        _valueSerde = valueSerde;
    }

    /// <summary>How many records are waiting to be read.</summary>
    public int QueueSize => _records.Count;

    /// <summary>True when nothing is waiting to be read.</summary>
    public bool IsEmpty => _records.Count == 0;

    /// <summary>Reads the next record with its metadata.</summary>
    /// <exception cref="InvalidOperationException">The topic has nothing more to read.</exception>
    public TestRecord<TKey, TValue> ReadRecord()
    {
        if (!_records.TryDequeue(out var produced))
        {
            throw new InvalidOperationException($"No more records in topic '{_topic}'");
        }

        var headers = produced.Headers ?? [];
        var key = _keySerde.Deserializer.Deserialize(
            produced.Key, produced.Key is null, new SerializationContext(MessageComponentType.Key, _topic, headers));
        var value = _valueSerde.Deserializer.Deserialize(
            produced.Value, produced.Value is null, new SerializationContext(MessageComponentType.Value, _topic, headers));
        return new TestRecord<TKey, TValue>(key, value, produced.Timestamp, headers, produced.Partition);
    }

    /// <summary>Reads the next record's value.</summary>
    public TValue ReadValue() => ReadRecord().Value;

    /// <summary>Reads the next record's key and value.</summary>
    public KeyValue<TKey, TValue> ReadKeyValue()
    {
        var record = ReadRecord();
        return new KeyValue<TKey, TValue>(record.Key, record.Value);
    }

    /// <summary>Reads every waiting record.</summary>
    public IReadOnlyList<TestRecord<TKey, TValue>> ReadRecordsToList() => ReadAll(ReadRecord);

    /// <summary>Reads every waiting value.</summary>
    public IReadOnlyList<TValue> ReadValuesToList() => ReadAll(ReadValue);

    /// <summary>Reads every waiting key and value.</summary>
    public IReadOnlyList<KeyValue<TKey, TValue>> ReadKeyValuesToList() => ReadAll(ReadKeyValue);

    /// <summary>Reads every waiting record into the latest value per key; a null value removes its key (a tombstone).</summary>
#pragma warning disable CS8714 // A null key is rejected before it reaches the map.
    public IReadOnlyDictionary<TKey, TValue> ReadKeyValuesToMap()
    {
        var map = new Dictionary<TKey, TValue>();
        while (!IsEmpty)
        {
            var (key, value) = ReadKeyValue();
            if (key is null)
            {
                throw new InvalidOperationException($"Topic '{_topic}' has a record with a null key, which a map cannot hold");
            }

            if (value is null)
            {
                map.Remove(key);
            }
            else
            {
                map[key] = value;
            }
        }

        return map;
    }
#pragma warning restore CS8714

    private List<T> ReadAll<T>(Func<T> read)
    {
        var result = new List<T>(_records.Count);
        while (!IsEmpty)
        {
            result.Add(read());
        }

        return result;
    }
}
