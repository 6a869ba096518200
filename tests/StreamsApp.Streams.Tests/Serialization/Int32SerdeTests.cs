using Confluent.Kafka;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Serialization.SerdeAssert;

namespace StreamsApp.Streams.Tests.Serialization;

public class Int32SerdeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void RoundTrips(int value) => Assert.Equal(value, RoundTrip(Serdes.Int32(), value));

    [Theory]
    [InlineData(1, "00 00 00 01")]
    [InlineData(-1, "FF FF FF FF")]
    [InlineData(256, "00 00 01 00")]
    [InlineData(int.MinValue, "80 00 00 00")]
    [InlineData(0x12345678, "12 34 56 78")]
    public void WritesBigEndianLikeJava(int value, string hex) => Assert.Equal(Hex(hex), Serialize(Serdes.Int32(), value));

    [Fact]
    public void ReadsJavaBytes() => Assert.Equal(-2, Deserialize(Serdes.Int32(), Hex("FF FF FF FE")));

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void WrongLengthIsSerdeException(int length)
    {
        var ex = DeserializeFails(Serdes.Int32(), new byte[length], "Int32");
        Assert.EndsWith($"expected 4 bytes, got {length}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullBytesSuggestNullable()
    {
        var ex = DeserializeFails(Serdes.Int32(), null, "Int32", MessageComponentType.Key);
        Assert.Contains("null bytes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Serdes.Nullable(Serdes.Int32())", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsASingleton() => Assert.Same(Serdes.Int32(), Serdes.Int32());
}
