using System.Text;
using Confluent.Kafka;

namespace StreamsApp.Streams.Serialization.Internal;

/// <summary>
/// Strings as UTF-8, like Java's StringSerde. Null maps to null bytes and back. Unlike Java, which substitutes
/// U+FFFD, invalid UTF-8 (or a lone surrogate when writing) is an error rather than silently altered data.
/// </summary>
internal sealed class StringSerde : ISerde<string>, ISerializer<string>, IDeserializer<string>
{
    public static readonly StringSerde Instance = new();

    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private StringSerde()
    {
    }

    public ISerializer<string> Serializer => this;

    public IDeserializer<string> Deserializer => this;

    public byte[] Serialize(string? data, SerializationContext context)
    {
        if (data is null)
        {
            return null!; // Null bytes: a tombstone, as in Kafka.
        }

        try
        {
            return StrictUtf8.GetBytes(data);
        }
        catch (EncoderFallbackException ex)
        {
            throw SerdeErrors.Serializing(context, typeof(string), "the string is not valid UTF-16: " + ex.Message, ex);
        }
    }

    public string Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull)
        {
            return null!; // Null bytes read as a null string, as in Kafka.
        }

        try
        {
            return StrictUtf8.GetString(data);
        }
        catch (DecoderFallbackException ex)
        {
            throw SerdeErrors.Deserializing(context, typeof(string), "the bytes are not valid UTF-8: " + ex.Message, ex);
        }
    }
}
