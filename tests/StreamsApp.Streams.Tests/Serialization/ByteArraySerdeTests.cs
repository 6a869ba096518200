using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Serialization.SerdeAssert;

namespace StreamsApp.Streams.Tests.Serialization;

public class ByteArraySerdeTests
{
    [Fact]
    public void SerializingReturnsTheBytesAsTheyAre()
    {
        byte[] value = [0, 1, 0xFE, 0xFF];
        Assert.Same(value, Serialize(Serdes.ByteArray(), value));
    }

    [Fact]
    public void DeserializingCopiesTheBytes()
    {
        byte[] source = [9, 8, 7];
        byte[] read = Deserialize(Serdes.ByteArray(), source);
        Assert.Equal(source, read);
        Assert.NotSame(source, read);
    }

    [Fact]
    public void EmptyArrayRoundTripsAsEmptyNotNull()
    {
        byte[] read = RoundTrip(Serdes.ByteArray(), []);
        Assert.NotNull(read);
        Assert.Empty(read);
    }

    [Fact]
    public void NullMapsToNullBytesAndBack()
    {
        Assert.Null(Serdes.ByteArray().Serializer.Serialize(null!, ValueContext));
        Assert.Null(Deserialize(Serdes.ByteArray(), null));
    }
}
