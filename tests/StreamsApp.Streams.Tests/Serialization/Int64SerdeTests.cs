using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Serialization.SerdeAssert;

namespace StreamsApp.Streams.Tests.Serialization;

public class Int64SerdeTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(1_700_000_000_000L)]
    public void RoundTrips(long value) => Assert.Equal(value, RoundTrip(Serdes.Int64(), value));

    [Theory]
    [InlineData(1L, "00 00 00 00 00 00 00 01")]
    [InlineData(-1L, "FF FF FF FF FF FF FF FF")]
    [InlineData(long.MaxValue, "7F FF FF FF FF FF FF FF")]
    [InlineData(long.MinValue, "80 00 00 00 00 00 00 00")]
    [InlineData(0x0102030405060708L, "01 02 03 04 05 06 07 08")]
    public void WritesBigEndianLikeJava(long value, string hex) => Assert.Equal(Hex(hex), Serialize(Serdes.Int64(), value));

    [Fact]
    public void ReadsJavaBytes() => Assert.Equal(258L, Deserialize(Serdes.Int64(), Hex("00 00 00 00 00 00 01 02")));

    [Fact]
    public void ThreeBytesIsSerdeExceptionWithTheDocumentedMessage()
    {
        var ex = DeserializeFails(Serdes.Int64(), new byte[] { 1, 2, 3 }, "Int64");
        Assert.Equal("Cannot deserialize value of topic 'orders' as Int64: expected 8 bytes, got 3", ex.Message);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public void FourBytesIsNotReadAsAnInt32()
    {
        var ex = DeserializeFails(Serdes.Int64(), new byte[4], "Int64");
        Assert.EndsWith("expected 8 bytes, got 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullBytesSuggestNullable()
    {
        var ex = DeserializeFails(Serdes.Int64(), null, "Int64");
        Assert.Contains("Serdes.Nullable(Serdes.Int64())", ex.Message, StringComparison.Ordinal);
    }
}
