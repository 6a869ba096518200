using Confluent.Kafka;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Tests.State.Windowed;

/// <summary>Windowed key serdes: Kafka Streams' byte layouts and round trips.</summary>
public sealed class WindowedSerdesTests
{
    private static readonly SerializationContext Context = new(MessageComponentType.Key, "topic");

    [Fact]
    public void Time_windowed_keys_are_the_key_then_the_start_and_read_back_with_the_window_size()
    {
        var serde = WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.FromMilliseconds(100));
        var bytes = serde.Serializer.Serialize(new Windowed<string>("k", new TimeWindow(0x200, 0x264)), Context);

        Assert.Equal("6B" + "0000000000000200", Convert.ToHexString(bytes));
        Assert.Equal(new Windowed<string>("k", new TimeWindow(0x200, 0x264)), serde.Deserializer.Deserialize(bytes, false, Context));
    }

    [Fact]
    public void Session_windowed_keys_are_the_key_then_the_end_then_the_start()
    {
        var serde = WindowedSerdes.SessionWindowed(Serdes.String());
        var bytes = serde.Serializer.Serialize(new Windowed<string>("k", new SessionWindow(1, 2)), Context);

        Assert.Equal("6B" + "0000000000000002" + "0000000000000001", Convert.ToHexString(bytes));
        Assert.Equal(new Windowed<string>("k", new SessionWindow(1, 2)), serde.Deserializer.Deserialize(bytes, false, Context));
    }

    [Fact]
    public void Too_short_input_and_a_non_positive_window_size_are_rejected()
    {
        var serde = WindowedSerdes.SessionWindowed(Serdes.String());
        Assert.Throws<ArgumentException>(() => serde.Deserializer.Deserialize(new byte[15], false, Context));
        Assert.Equal("windowSize", Assert.Throws<ArgumentException>(() => WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.Zero)).ParamName);
    }

    [Fact]
    public void Windows_format_like_kafka_and_overlap_by_their_kind()
    {
        Assert.Equal("[k@5/10]", new Windowed<string>("k", new TimeWindow(5, 10)).ToString());
        Assert.False(new TimeWindow(0, 10).Overlap(new TimeWindow(10, 20)));
        Assert.True(new SessionWindow(0, 10).Overlap(new SessionWindow(10, 20)));
        Assert.NotEqual<Window>(new TimeWindow(0, 10), new SessionWindow(0, 10));
        Assert.Throws<ArgumentException>(() => new TimeWindow(0, 10).Overlap(new SessionWindow(0, 10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeWindow(5, 5));
        Assert.Equal(new SessionWindow(5, 5).StartMs, new SessionWindow(5, 5).EndMs);
    }
}
