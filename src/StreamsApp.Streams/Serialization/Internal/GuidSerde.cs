using System.Buffers.Text;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Confluent.Kafka;

namespace StreamsApp.Streams.Serialization.Internal;

/// <summary>
/// Guids as Java's UUIDSerde writes them: the 36-character lowercase "d" form
/// (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) in UTF-8. Reading accepts upper-case hex too. Null bytes are an error.
/// </summary>
internal sealed class GuidSerde : ISerde<Guid>, ISerializer<Guid>, IDeserializer<Guid>
{
    public static readonly GuidSerde Instance = new();

    private const int Length = 36;

    private GuidSerde()
    {
    }

    public ISerializer<Guid> Serializer => this;

    public IDeserializer<Guid> Deserializer => this;

    public byte[] Serialize(Guid data, SerializationContext context)
    {
        var bytes = new byte[Length];
        bool formatted = Utf8Formatter.TryFormat(data, bytes, out int written, 'D');
        Debug.Assert(formatted && written == Length, "The 'D' form of a Guid is always 36 bytes.");
        return bytes;
    }

    public Guid Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        SerdeErrors.CheckFixedSize<Guid>(data, isNull, Length, context);
        if (!Utf8Parser.TryParse(data, out Guid value, out int consumed, 'D') || consumed != Length)
        {
            ThrowUnparseable(data, context);
        }

        return value;
    }

    [DoesNotReturn]
    private static void ThrowUnparseable(ReadOnlySpan<byte> data, in SerializationContext context) =>
        throw SerdeErrors.Deserializing(
            context,
            typeof(Guid),
            "'" + Encoding.UTF8.GetString(data) + "' is not a UUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
            innerException: null);
}
