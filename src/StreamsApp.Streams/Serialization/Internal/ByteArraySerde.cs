using Confluent.Kafka;

namespace StreamsApp.Streams.Serialization.Internal;

/// <summary>
/// Bytes as they are, like Java's ByteArraySerde. Serializing returns the caller's array without copying; reading
/// copies the span (it is only valid during the call). Null maps to null bytes and back.
/// </summary>
internal sealed class ByteArraySerde : ISerde<byte[]>, ISerializer<byte[]>, IDeserializer<byte[]>
{
    public static readonly ByteArraySerde Instance = new();

    private ByteArraySerde()
    {
    }

    public ISerializer<byte[]> Serializer => this;

    public IDeserializer<byte[]> Deserializer => this;

    public byte[] Serialize(byte[]? data, SerializationContext context) => data!;

    public byte[] Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
        isNull ? null! : data.ToArray();
}
