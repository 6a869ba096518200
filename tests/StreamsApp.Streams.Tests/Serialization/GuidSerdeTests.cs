using System.Text;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Serialization.SerdeAssert;

namespace StreamsApp.Streams.Tests.Serialization;

public class GuidSerdeTests
{
    private const string Text = "0f8fad5b-d9cb-469f-a165-70867728950e";

    [Fact]
    public void WritesJavasUuidStringInUtf8()
    {
        byte[] bytes = Serialize(Serdes.Guid(), Guid.Parse(Text));
        Assert.Equal(36, bytes.Length);
        Assert.Equal(Text, Encoding.ASCII.GetString(bytes));
    }

    [Fact]
    public void WritesLowerCase() =>
        Assert.Equal(
            "abcdef01-2345-6789-abcd-ef0123456789",
            Encoding.ASCII.GetString(Serialize(Serdes.Guid(), Guid.Parse("ABCDEF01-2345-6789-ABCD-EF0123456789"))));

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("ffffffff-ffff-ffff-ffff-ffffffffffff")]
    [InlineData(Text)]
    public void RoundTrips(string text) => Assert.Equal(Guid.Parse(text), RoundTrip(Serdes.Guid(), Guid.Parse(text)));

    [Fact]
    public void ReadsJavaBytesIncludingUpperCase()
    {
        Assert.Equal(Guid.Parse(Text), Deserialize(Serdes.Guid(), Encoding.ASCII.GetBytes(Text)));
        Assert.Equal(Guid.Parse(Text), Deserialize(Serdes.Guid(), Encoding.ASCII.GetBytes(Text.ToUpperInvariant())));
    }

    [Theory]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950g")]
    [InlineData("0f8fad5bd9cb-469f-a165-70867728950e0")]
    [InlineData("{0f8fad5b-d9cb-469f-a165-7086772895}")]
    public void UnparseableStringIsSerdeException(string text)
    {
        var ex = DeserializeFails(Serdes.Guid(), Encoding.ASCII.GetBytes(text), "Guid");
        Assert.Contains($"'{text}' is not a UUID", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SixteenRawBytesAreRejected()
    {
        var ex = DeserializeFails(Serdes.Guid(), Guid.Parse(Text).ToByteArray(), "Guid");
        Assert.EndsWith("expected 36 bytes, got 16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullBytesSuggestNullable()
    {
        var ex = DeserializeFails(Serdes.Guid(), null, "Guid");
        Assert.Contains("Serdes.Nullable(Serdes.Guid())", ex.Message, StringComparison.Ordinal);
    }
}
