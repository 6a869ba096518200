using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.Tests.State.Internal;

public sealed class ByteArrayComparerTests
{
    private static readonly ByteArrayComparer Comparer = ByteArrayComparer.Instance;

    [Fact]
    public void Compares_bytes_as_unsigned_values()
    {
        Assert.True(Comparer.Compare([0x7F], [0x80]) < 0);
        Assert.True(Comparer.Compare([0xFF], [0x00]) > 0);
        Assert.True(Comparer.Compare([0x01, 0xFF], [0x02]) < 0);
    }

    [Fact]
    public void A_prefix_sorts_before_its_extensions_and_null_sorts_first()
    {
        Assert.True(Comparer.Compare("a"u8.ToArray(), "ab"u8.ToArray()) < 0);
        Assert.True(Comparer.Compare([], [0x00]) < 0);
        Assert.Equal(0, Comparer.Compare([1, 2], [1, 2]));
        Assert.True(Comparer.Compare(null, []) < 0);
    }

    [Fact]
    public void Equal_content_is_equal_and_hashes_alike()
    {
        byte[] x = [1, 2, 3];
        byte[] y = [1, 2, 3];

        Assert.True(Comparer.Equals(x, y));
        Assert.Equal(Comparer.GetHashCode(x), Comparer.GetHashCode(y));
        Assert.False(Comparer.Equals(x, [1, 2]));
        Assert.False(Comparer.Equals(x, null));
        Assert.True(Comparer.Equals(null, null));
    }
}
