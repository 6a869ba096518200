using System.Buffers.Binary;
using Confluent.Kafka;

namespace StreamsApp.Streams.Serialization.Internal;

/// <summary>
/// Doubles as 8 big-endian IEEE-754 bytes, like Java's DoubleSerde. Every NaN is written as Java's canonical NaN
/// (0x7FF8000000000000, what <c>Double.doubleToLongBits</c> produces) so equal keys give equal bytes on both sides;
/// .NET's <see cref="double.NaN"/> has the sign bit set. Negative zero keeps its sign. Null bytes are an error.
/// </summary>
internal sealed class DoubleSerde : ISerde<double>, ISerializer<double>, IDeserializer<double>
{
    public static readonly DoubleSerde Instance = new();

    private const long JavaCanonicalNaNBits = 0x7FF8000000000000;

    private DoubleSerde()
    {
    }

    public ISerializer<double> Serializer => this;

    public IDeserializer<double> Deserializer => this;

    public byte[] Serialize(double data, SerializationContext context)
    {
        var bytes = new byte[sizeof(double)];
        if (double.IsNaN(data))
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes, JavaCanonicalNaNBits);
        }
        else
        {
            BinaryPrimitives.WriteDoubleBigEndian(bytes, data);
        }

        return bytes;
    }

    public double Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        SerdeErrors.CheckFixedSize<double>(data, isNull, sizeof(double), context);
        return BinaryPrimitives.ReadDoubleBigEndian(data);
    }
}
