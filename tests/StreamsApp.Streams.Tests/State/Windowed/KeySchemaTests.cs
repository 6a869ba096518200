using System.Text;
using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.Tests.State.Windowed;

/// <summary>The store (and changelog) key layouts match Kafka Streams' WindowKeySchema and SessionKeySchema.</summary>
public sealed class KeySchemaTests
{
    [Fact]
    public void A_window_key_is_the_key_then_the_big_endian_start_then_the_big_endian_seqnum()
    {
        var storeKey = WindowKeySchema.ToStoreKeyBinary(Encoding.UTF8.GetBytes("ab"), 0x0102030405060708, 0x0A0B0C0D);

        Assert.Equal("6162" + "0102030405060708" + "0A0B0C0D", Convert.ToHexString(storeKey));
        Assert.Equal("ab", Encoding.UTF8.GetString(WindowKeySchema.ExtractKey(storeKey)));
        Assert.Equal(0x0102030405060708, WindowKeySchema.ExtractWindowStart(storeKey));
        Assert.Equal(0x0A0B0C0D, WindowKeySchema.ExtractSeqnum(storeKey));
        Assert.Equal(0x0102030405060708, WindowKeySchema.Instance.SegmentTimestamp(storeKey));
    }

    [Fact]
    public void A_session_key_is_the_key_then_the_big_endian_end_then_the_big_endian_start()
    {
        var storeKey = SessionKeySchema.ToBinary(Encoding.UTF8.GetBytes("k"), startMs: 5, endMs: 0x100);

        Assert.Equal("6B" + "0000000000000100" + "0000000000000005", Convert.ToHexString(storeKey));
        Assert.Equal("k", Encoding.UTF8.GetString(SessionKeySchema.ExtractKey(storeKey)));
        Assert.Equal(new SessionWindow(5, 0x100), SessionKeySchema.ExtractWindow(storeKey));
        Assert.Equal(0x100, SessionKeySchema.Instance.SegmentTimestamp(storeKey));
    }

    [Fact]
    public void A_window_ending_past_the_largest_time_is_capped_as_in_kafka()
    {
        Assert.Equal(new TimeWindow(long.MaxValue - 5, long.MaxValue), WindowKeySchema.WindowFor(long.MaxValue - 5, 10));
        Assert.Equal(new TimeWindow(10, 20), WindowKeySchema.WindowFor(10, 10));
    }

    [Fact]
    public void Single_key_bounds_are_tight_and_key_range_bounds_cover_shorter_prefix_keys()
    {
        var key = Encoding.UTF8.GetBytes("a");
        var schema = WindowKeySchema.Instance;

        Assert.Equal(WindowKeySchema.ToStoreKeyBinary(key, 10, 0), schema.LowerBound(key, key, 10));
        Assert.Equal("61" + "0000000000000014" + "FFFFFFFF", Convert.ToHexString(schema.UpperBound(key, key, 20)!));

        byte[] upper = [0xFF, 0x61];
        Assert.Equal("FF" + new string('F', 24), Convert.ToHexString(schema.UpperBound(key, upper, 20)!));
        Assert.Equal(key, schema.LowerBound(key, upper, 20));
        Assert.Null(schema.LowerBound(null, upper, 20));
    }
}
