using System.Buffers.Binary;
using Confluent.Kafka;

namespace StreamsApp.Streams.Serialization.Internal;

/// <summary>32-bit integers as 4 big-endian bytes, like Java's IntegerSerde. Null bytes are an error.</summary>
internal sealed class Int32Serde : ISerde<int>, ISerializer<int>, IDeserializer<int>
{
    public static readonly Int32Serde Instance = new();

    private Int32Serde()
    {
    }

    public ISerializer<int> Serializer => this;

    public IDeserializer<int> Deserializer => this;

    public byte[] Serialize(int data, SerializationContext context)
    {
        var bytes = new byte[sizeof(int)];
        BinaryPrimitives.WriteInt32BigEndian(bytes, data);
        return bytes;
    }

    public int Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        SerdeErrors.CheckFixedSize<int>(data, isNull, sizeof(int), context);
        return BinaryPrimitives.ReadInt32BigEndian(data);
    }
}
