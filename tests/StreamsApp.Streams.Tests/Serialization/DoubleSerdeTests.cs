using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Serialization.SerdeAssert;

namespace StreamsApp.Streams.Tests.Serialization;

public class DoubleSerdeTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(-273.15)]
    [InlineData(double.MaxValue)]
    [InlineData(double.MinValue)]
    [InlineData(double.Epsilon)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RoundTrips(double value) => Assert.Equal(value, RoundTrip(Serdes.Double(), value));

    [Fact]
    public void NaNRoundTrips() => Assert.True(double.IsNaN(RoundTrip(Serdes.Double(), double.NaN)));

    [Fact]
    public void NegativeZeroKeepsItsSign()
    {
        double result = RoundTrip(Serdes.Double(), -0.0);
        Assert.Equal(0.0, result);
        Assert.True(double.IsNegative(result));
        Assert.Equal(Hex("80 00 00 00 00 00 00 00"), Serialize(Serdes.Double(), -0.0));
    }

    [Theory]
    [InlineData(1.0, "3F F0 00 00 00 00 00 00")]
    [InlineData(-2.0, "C0 00 00 00 00 00 00 00")]
    [InlineData(0.1, "3F B9 99 99 99 99 99 9A")]
    [InlineData(double.PositiveInfinity, "7F F0 00 00 00 00 00 00")]
    public void WritesBigEndianIeee754LikeJava(double value, string hex) =>
        Assert.Equal(Hex(hex), Serialize(Serdes.Double(), value));

    [Fact]
    public void EveryNaNIsWrittenAsJavasCanonicalNaN()
    {
        double negativeQuietNaN = BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000000));
        double payloadNaN = BitConverter.Int64BitsToDouble(0x7FF0000000000001);
        var canonical = Hex("7F F8 00 00 00 00 00 00");
        Assert.Equal(canonical, Serialize(Serdes.Double(), double.NaN));
        Assert.Equal(canonical, Serialize(Serdes.Double(), negativeQuietNaN));
        Assert.Equal(canonical, Serialize(Serdes.Double(), payloadNaN));
    }

    [Fact]
    public void WrongLengthIsSerdeException()
    {
        var ex = DeserializeFails(Serdes.Double(), new byte[4], "Double");
        Assert.EndsWith("expected 8 bytes, got 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullBytesSuggestNullable()
    {
        var ex = DeserializeFails(Serdes.Double(), null, "Double");
        Assert.Contains("Serdes.Nullable(Serdes.Double())", ex.Message, StringComparison.Ordinal);
    }
}
