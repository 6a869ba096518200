using System.Buffers.Binary;
using Confluent.Kafka;

namespace StreamsApp.Streams.Serialization.Internal;

/// <summary>64-bit integers as 8 big-endian bytes, like Java's LongSerde. Null bytes are an error.</summary>
internal sealed class Int64Serde : ISerde<long>, ISerializer<long>, IDeserializer<long>
{
    public static readonly Int64Serde Instance = new();

    private Int64Serde()
    {
    }

    public ISerializer<long> Serializer => this;

    public IDeserializer<long> Deserializer => this;

    public byte[] Serialize(long data, SerializationContext context)
    {
        var bytes = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, data);
        return bytes;
    }

    public long Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        SerdeErrors.CheckFixedSize<long>(data, isNull, sizeof(long), context);
        return BinaryPrimitives.ReadInt64BigEndian(data);
    }
}
