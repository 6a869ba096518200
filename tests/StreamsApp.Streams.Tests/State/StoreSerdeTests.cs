using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Dsl.Internal;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.Tests.State;

/// <summary>The byte layouts of stored timestamped values and of table updates sent through repartition topics.</summary>
public sealed class StoreSerdeTests
{
    private static readonly SerializationContext Context = new(MessageComponentType.Value, "topic");
    private readonly ValueAndTimestampSerde<string> _timestamped = new(Serdes.String());
    private readonly ChangeSerde<string> _change = new(Serdes.String());

    [Fact]
    public void A_timestamped_value_is_the_big_endian_timestamp_then_the_value_bytes()
    {
        var bytes = _timestamped.Serialize(new ValueAndTimestamp<string>("hi", 0x0102030405060708), Context);

        Assert.Equal("0102030405060708" + Convert.ToHexString(Encoding.UTF8.GetBytes("hi")), Convert.ToHexString(bytes));
        Assert.Equal(new ValueAndTimestamp<string>("hi", 0x0102030405060708), _timestamped.Deserialize(bytes, false, Context));
    }

    [Theory]
    [InlineData(-1L, "FFFFFFFFFFFFFFFF")]
    [InlineData(0L, "0000000000000000")]
    [InlineData(long.MaxValue, "7FFFFFFFFFFFFFFF")]
    public void Timestamps_keep_their_sign_and_width(long timestamp, string hex)
    {
        var bytes = _timestamped.Serialize(new ValueAndTimestamp<string>(string.Empty, timestamp), Context);

        Assert.Equal(hex, Convert.ToHexString(bytes));
        Assert.Equal(new ValueAndTimestamp<string>(string.Empty, timestamp), _timestamped.Deserialize(bytes, false, Context));
    }

    [Fact]
    public void A_null_value_serializes_to_null_bytes_as_a_delete()
    {
        Assert.Null(_timestamped.Serialize(new ValueAndTimestamp<string>(null!, 42), Context));
    }

    [Fact]
    public void Null_or_too_short_bytes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => _timestamped.Deserialize(ReadOnlySpan<byte>.Empty, true, Context));
        Assert.Throws<ArgumentException>(() => _timestamped.Deserialize(new byte[7], false, Context));
    }

    [Fact]
    public void A_timestamped_store_put_of_a_null_value_deletes_the_key()
    {
        var store = new MeteredTimestampedKeyValueStore<string, string>(
            new Streams.State.Internal.InMemory.InMemoryKeyValueStore("t"), Serdes.String(), Serdes.String(), "in-memory");
        using var context = new Internal.TestStateStoreContext();
        store.Init(context, store);
        store.Put("k", new ValueAndTimestamp<string>("v", 1));

        store.Put("k", new ValueAndTimestamp<string>(null!, 2));

        Assert.False(store.TryGet("k", out _));
        Assert.Equal(0, store.ApproximateNumEntries);
    }

    public static TheoryData<string?, string?> Changes => new()
    {
        { "new", "old" },
        { "new", null },
        { null, "old" },
        { string.Empty, string.Empty },
        { string.Empty, null },
        { null, string.Empty },
        { string.Empty, "old" },
        { "new", string.Empty },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_change_round_trips_with_presence_kept_apart_from_emptiness(string? newValue, string? oldValue)
    {
        var change = new Change<string>(newValue!, newValue is not null, oldValue!, oldValue is not null);

        var read = _change.Deserialize(_change.Serialize(change, Context), false, Context);

        Assert.Equal(change.HasNew, read.HasNew);
        Assert.Equal(change.HasOld, read.HasOld);
        Assert.Equal(newValue, read.HasNew ? read.NewValue : null);
        Assert.Equal(oldValue, read.HasOld ? read.OldValue : null);
    }

    [Fact]
    public void A_change_is_a_flags_byte_the_new_value_length_then_new_and_old_bytes()
    {
        var bytes = _change.Serialize(new Change<string>("ab", true, "xyz", true), Context);

        Assert.Equal("03" + "00000002" + "6162" + "78797A", Convert.ToHexString(bytes));
        Assert.Equal("02" + "00000000" + "78797A", Convert.ToHexString(_change.Serialize(new Change<string>(null!, false, "xyz", true), Context)));
        Assert.Equal("01" + "00000000", Convert.ToHexString(_change.Serialize(Change<string>.New(string.Empty), Context)));
    }

    [Fact]
    public void A_change_of_a_value_type_keeps_zero_apart_from_absent()
    {
        var serde = new ChangeSerde<long>(Serdes.Int64());

        var read = serde.Deserialize(serde.Serialize(new Change<long>(0, true, 0, false), Context), false, Context);

        Assert.Equal((0L, true, false), (read.NewValue, read.HasNew, read.HasOld));
    }

    [Fact]
    public void Null_or_short_change_bytes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => _change.Deserialize(ReadOnlySpan<byte>.Empty, true, Context));
        Assert.Throws<ArgumentException>(() => _change.Deserialize(new byte[4], false, Context));
    }
}
