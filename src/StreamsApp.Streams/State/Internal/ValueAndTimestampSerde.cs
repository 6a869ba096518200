using System.Buffers.Binary;
using Confluent.Kafka;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.State.Internal;

/// <summary>Constants of the timestamped value layout: an 8-byte big-endian timestamp, then the value's bytes.</summary>
internal static class ValueAndTimestampSerde
{
    public const int TimestampSize = 8;

    /// <summary>The stored form of a value and its timestamp: the timestamp's 8 big-endian bytes, then the value.</summary>
    public static byte[] Combine(long timestamp, ReadOnlySpan<byte> value)
    {
        var result = new byte[TimestampSize + value.Length];
        BinaryPrimitives.WriteInt64BigEndian(result, timestamp);
        value.CopyTo(result.AsSpan(TimestampSize));
        return result;
    }
}

/// <summary>
/// Stores a <see cref="ValueAndTimestamp{TValue}"/> as Kafka Streams does: the timestamp in 8 big-endian bytes
/// followed by the value's own bytes.
/// </summary>
internal sealed class ValueAndTimestampSerde<TValue>(ISerde<TValue> valueSerde)
    : ISerde<ValueAndTimestamp<TValue>>, ISerializer<ValueAndTimestamp<TValue>>, IDeserializer<ValueAndTimestamp<TValue>>
{
    public ISerde<TValue> ValueSerde { get; } = valueSerde;

    public ISerializer<ValueAndTimestamp<TValue>> Serializer => this;

    public IDeserializer<ValueAndTimestamp<TValue>> Deserializer => this;

    public byte[] Serialize(ValueAndTimestamp<TValue> data, SerializationContext context)
    {
        // A null value is a delete, as ValueAndTimestamp.make(null, ts) is null in Kafka Streams.
        var value = ValueSerde.Serializer.Serialize(data.Value, context);
        return value is null ? null! : ValueAndTimestampSerde.Combine(data.Timestamp, value);
    }

    public ValueAndTimestamp<TValue> Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull || data.Length < ValueAndTimestampSerde.TimestampSize)
        {
            throw new ArgumentException(
                $"A timestamped value needs at least {ValueAndTimestampSerde.TimestampSize} bytes, got {(isNull ? "null" : data.Length)}",
                nameof(data));
        }

        var timestamp = BinaryPrimitives.ReadInt64BigEndian(data);
        var value = ValueSerde.Deserializer.Deserialize(data[ValueAndTimestampSerde.TimestampSize..], false, context);
        return new ValueAndTimestamp<TValue>(value, timestamp);
    }
}
