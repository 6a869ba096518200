using System.Text;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Serialization.SerdeAssert;

namespace StreamsApp.Streams.Tests.Serialization;

public class StringSerdeTests
{
    [Theory]
    [InlineData("")]
    [InlineData("order-42")]
    [InlineData("Grüße, 世界 🚀")]
    [InlineData("line\nbreak\0nul")]
    public void RoundTrips(string value) => Assert.Equal(value, RoundTrip(Serdes.String(), value));

    [Fact]
    public void WritesUtf8WithoutBom()
    {
        Assert.Equal(Hex("61 C3 A9 F0 9F 9A 80"), Serialize(Serdes.String(), "aé🚀"));
        Assert.Empty(Serialize(Serdes.String(), string.Empty));
    }

    [Fact]
    public void EmptyBytesReadAsEmptyString() => Assert.Equal(string.Empty, Deserialize(Serdes.String(), []));

    [Fact]
    public void NullMapsToNullBytesAndBack()
    {
        Assert.Null(Serdes.String().Serializer.Serialize(null!, ValueContext));
        Assert.Null(Deserialize(Serdes.String(), null));
    }

    [Fact]
    public void InvalidUtf8IsSerdeException()
    {
        var ex = DeserializeFails(Serdes.String(), Hex("61 FF 62"), "String");
        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
        Assert.IsType<DecoderFallbackException>(ex.InnerException);
    }

    [Fact]
    public void TruncatedMultiByteSequenceIsSerdeException() =>
        DeserializeFails(Serdes.String(), Hex("F0 9F 9A"), "String");

    [Fact]
    public void LoneSurrogateIsSerdeExceptionWhenWriting()
    {
        var ex = Assert.Throws<StreamsApp.Streams.Errors.SerdeException>(
            () => Serdes.String().Serializer.Serialize("a\uD800b", KeyContext));
        Assert.StartsWith("Cannot serialize key for topic 'orders' as String: ", ex.Message, StringComparison.Ordinal);
        Assert.IsType<EncoderFallbackException>(ex.InnerException);
    }
}
