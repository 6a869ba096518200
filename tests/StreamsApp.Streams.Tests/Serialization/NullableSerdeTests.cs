using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Serialization.SerdeAssert;

namespace StreamsApp.Streams.Tests.Serialization;

public class NullableSerdeTests
{
    [Fact]
    public void NullMapsToNullBytesAndBack()
    {
        var serde = Serdes.Nullable(Serdes.Int64());
        Assert.Null(Serialize(serde, null));
        Assert.Null(Deserialize(serde, null));
    }

    [Fact]
    public void ValuesGoThroughTheInnerSerde()
    {
        var serde = Serdes.Nullable(Serdes.Int32());
        Assert.Equal(Hex("00 00 00 01"), Serialize(serde, 1));
        Assert.Equal(-1, Deserialize(serde, Hex("FF FF FF FF")));
        Assert.Equal(int.MinValue, RoundTrip(serde, int.MinValue));
    }

    [Fact]
    public void EmptyBytesAreNotNull()
    {
        // Empty bytes are a value for the inner serde to judge, not a tombstone.
        var ex = Assert.Throws<SerdeException>(() => Deserialize(Serdes.Nullable(Serdes.Int32()), []));
        Assert.Equal("Cannot deserialize value of topic 'orders' as Int32: expected 4 bytes, got 0", ex.Message);
        Assert.Equal(typeof(int), ex.TargetType);
    }

    [Fact]
    public void WrapsGuidAndDouble()
    {
        var guid = Guid.NewGuid();
        Assert.Equal(guid, RoundTrip(Serdes.Nullable(Serdes.Guid()), guid));
        Assert.Null(RoundTrip(Serdes.Nullable(Serdes.Guid()), null));
        Assert.Equal(2.5, RoundTrip(Serdes.Nullable(Serdes.Double()), 2.5));
    }

    [Fact]
    public void PassesTheContextToTheInnerSerde()
    {
        var inner = new RecordingSerde();
        var serde = Serdes.Nullable<int>(inner);
        serde.Serializer.Serialize(7, KeyContext);
        serde.Deserializer.Deserialize(new byte[] { 1 }, false, KeyContext);
        Assert.Equal([MessageComponentType.Key, MessageComponentType.Key], inner.Components);
    }

    [Fact]
    public void NullInnerIsRejected() => Assert.Throws<ArgumentNullException>(() => Serdes.Nullable<int>(null!));

    private sealed class RecordingSerde : ISerde<int>, ISerializer<int>, IDeserializer<int>
    {
        public List<MessageComponentType> Components { get; } = [];

        public ISerializer<int> Serializer => this;

        public IDeserializer<int> Deserializer => this;

        public byte[] Serialize(int data, SerializationContext context)
        {
            Components.Add(context.Component);
            return [(byte)data];
        }

        public int Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
        {
            Assert.False(isNull);
            Components.Add(context.Component);
            return data[0];
        }
    }
}
