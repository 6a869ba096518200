using System.Buffers.Binary;
using Confluent.Kafka;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// Writes a table update through a repartition topic: a flags byte (1 = new value present, 2 = old value
/// present), the new value's length (4 bytes, big-endian) and bytes, then the old value's bytes.
/// </summary>
internal sealed class ChangeSerde<TValue>(ISerde<TValue> inner)
    : ISerde<Change<TValue>>, ISerializer<Change<TValue>>, IDeserializer<Change<TValue>>
{
    private const byte HasNewFlag = 1;
    private const byte HasOldFlag = 2;
    private const int HeaderSize = 5;

    public ISerializer<Change<TValue>> Serializer => this;

    public IDeserializer<Change<TValue>> Deserializer => this;

    public byte[] Serialize(Change<TValue> data, SerializationContext context)
    {
        var newBytes = data.HasNew ? inner.Serializer.Serialize(data.NewValue, context) : null;
        var oldBytes = data.HasOld ? inner.Serializer.Serialize(data.OldValue, context) : null;
        var result = new byte[HeaderSize + (newBytes?.Length ?? 0) + (oldBytes?.Length ?? 0)];
        result[0] = (byte)((newBytes is null ? 0 : HasNewFlag) | (oldBytes is null ? 0 : HasOldFlag));
        BinaryPrimitives.WriteInt32BigEndian(result.AsSpan(1), newBytes?.Length ?? 0);
        newBytes?.CopyTo(result, HeaderSize);
        oldBytes?.CopyTo(result, HeaderSize + (newBytes?.Length ?? 0));
        return result;
    }

    public Change<TValue> Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull || data.Length < HeaderSize)
        {
            throw new ArgumentException("A table update record needs at least 5 bytes", nameof(data));
        }

        var flags = data[0];
        var newLength = BinaryPrimitives.ReadInt32BigEndian(data[1..]);
        var hasNew = (flags & HasNewFlag) != 0;
        var hasOld = (flags & HasOldFlag) != 0;
        var newValue = hasNew ? inner.Deserializer.Deserialize(data.Slice(HeaderSize, newLength), false, context) : default!;
        var oldValue = hasOld ? inner.Deserializer.Deserialize(data[(HeaderSize + newLength)..], false, context) : default!;
        return new Change<TValue>(newValue, hasNew, oldValue, hasOld);
    }
}
