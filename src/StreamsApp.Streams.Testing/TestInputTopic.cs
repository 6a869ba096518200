using Confluent.Kafka;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Testing;

/// <summary>
/// Pipes records into one input topic of a <see cref="TopologyTestDriver"/>; each record is processed before the
/// call returns. Records without a timestamp get the topic's current time, which then moves by its auto-advance.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class TestInputTopic<TKey, TValue>
{
    private readonly TopologyTestDriver _driver;
    private readonly string _topic;
    private readonly ISerde<TKey> _keySerde;
    private readonly ISerde<TValue> _valueSerde;
    private readonly TimeSpan _autoAdvance;
    private DateTimeOffset _currentTime;

    internal TestInputTopic(
        TopologyTestDriver driver, string topic, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        DateTimeOffset startTimestamp, TimeSpan autoAdvance)
    {
        _driver = driver;
        _topic = topic;
        _keySerde = keySerde;
        _valueSerde = valueSerde;
        _currentTime = startTimestamp;
        _autoAdvance = autoAdvance;
    }

    /// <summary>Pipes a key and value, at the given timestamp (ms) or the topic's current time.</summary>
    public void PipeInput(TKey key, TValue value, long? timestampMs = null) => Pipe(key, value, timestampMs, null, null);

    /// <summary>Pipes a key and value at the given time.</summary>
    public void PipeInput(TKey key, TValue value, DateTimeOffset timestamp) =>
        Pipe(key, value, timestamp.ToUnixTimeMilliseconds(), null, null);

    /// <summary>Pipes a value with a null (default) key.</summary>
    public void PipeInput(TValue value) => Pipe(default!, value, null, null, null);

    /// <summary>Pipes a record with its timestamp, headers and, optionally, an explicit partition.</summary>
    public void PipeInput(TestRecord<TKey, TValue> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Pipe(record.Key, record.Value, record.Timestamp, record.Headers, record.Partition);
    }

    /// <summary>Pipes key-value pairs, one at a time, at the topic's current time.</summary>
    public void PipeKeyValueList(IEnumerable<KeyValue<TKey, TValue>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        foreach (var (key, value) in pairs)
        {
            PipeInput(key, value);
        }
    }

    /// <summary>Pipes values with null keys, one at a time, at the topic's current time.</summary>
    public void PipeValueList(IEnumerable<TValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            PipeInput(value);
        }
    }

    /// <summary>Pipes records, one at a time.</summary>
    public void PipeRecordList(IEnumerable<TestRecord<TKey, TValue>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            PipeInput(record);
        }
    }

    /// <summary>Moves the topic's current time (used for records piped without a timestamp).</summary>
    public void AdvanceTime(TimeSpan advance) => _currentTime += advance;

    private void Pipe(TKey key, TValue value, long? timestampMs, Headers? headers, int? partition)
    {
        var timestamp = timestampMs ?? NextTimestamp();
        var keyBytes = _keySerde.Serializer.Serialize(key, new SerializationContext(MessageComponentType.Key, _topic, headers));
        var valueBytes = _valueSerde.Serializer.Serialize(value, new SerializationContext(MessageComponentType.Value, _topic, headers));
        _driver.Pipe(_topic, keyBytes, valueBytes, headers, timestamp, partition);
    }

    private long NextTimestamp()
    {
        var timestamp = _currentTime.ToUnixTimeMilliseconds();
        _currentTime += _autoAdvance;
        return timestamp;
    }
}
