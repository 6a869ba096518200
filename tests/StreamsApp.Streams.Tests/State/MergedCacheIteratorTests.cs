using System.Text;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;
using StreamsApp.Streams.State.Internal.Caching;

namespace StreamsApp.Streams.Tests.State;

/// <summary>The merge of a cache snapshot with a store iterator, directly.</summary>
public sealed class MergedCacheIteratorTests
{
    [Theory]
    [InlineData(false, "a=store b=cache c=cache d=store f=cache")]
    [InlineData(true, "f=cache d=store c=cache b=cache a=store")]
    public void The_cache_wins_on_equal_keys_and_its_deletes_hide_stored_keys(bool reverse, string expected)
    {
        var cached = Cached(("b", "cache"), ("c", "cache"), ("e", null), ("f", "cache"), ("g", null));
        var stored = Stored(reverse, "a", "c", "d", "e");

        Assert.Equal(expected, Text(MergedCacheIterator.OfKeys(cached, stored, reverse)));
    }

    [Fact]
    public void Only_cache_or_only_store_or_neither()
    {
        Assert.Equal("a=cache b=cache", Text(MergedCacheIterator.OfKeys(Cached(("a", "cache"), ("b", "cache")), Stored(false), false)));
        Assert.Equal("b=store a=store", Text(MergedCacheIterator.OfKeys(Cached(), Stored(true, "a", "b"), true)));
        Assert.Equal(string.Empty, Text(MergedCacheIterator.OfKeys(Cached(("a", null)), Stored(false), false)));
        Assert.Equal(string.Empty, Text(MergedCacheIterator.OfKeys(Cached(("a", null)), Stored(false, "a"), false)));
    }

    [Fact]
    public void Unsigned_byte_order_decides_between_cache_and_store()
    {
        var cached = Cached(("B", "cache"), ("\u00e9", "cache"));
        var stored = Stored(false, "a", "z");

        Assert.Equal("B=cache a=store z=store \u00e9=cache", Text(MergedCacheIterator.OfKeys(cached, stored, false)));
    }

    [Fact]
    public void PeekNextKey_skips_deleted_entries_and_throws_at_the_end()
    {
        using var iterator = MergedCacheIterator.OfKeys(Cached(("a", null), ("c", "cache")), Stored(false, "a", "b"), false);

        Assert.Equal("b", Encoding.UTF8.GetString(iterator.PeekNextKey()));
        Assert.True(iterator.MoveNext());
        Assert.Equal("c", Encoding.UTF8.GetString(iterator.PeekNextKey()));
        Assert.True(iterator.MoveNext());
        Assert.False(iterator.MoveNext());
        Assert.Throws<InvalidOperationException>(() => iterator.PeekNextKey());
    }

    [Fact]
    public void Disposing_the_merge_disposes_the_store_iterator()
    {
        var stored = new TrackingIterator(Stored(false, "a"));

        MergedCacheIterator.OfKeys(Cached(), stored, false).Dispose();

        Assert.True(stored.Disposed);
    }

    private static List<CacheEntry> Cached(params (string Key, string? Value)[] entries) =>
        entries.Select(e => new CacheEntry(Raw(e.Key), e.Value is null ? null : Raw(e.Value), true, 0, null)).ToList();

    private static ArrayKeyValueIterator<byte[], byte[]> Stored(bool reverse, params string[] keys)
    {
        var ordered = reverse ? keys.Reverse() : keys;
        var entries = ordered.Select(k => new KeyValue<byte[], byte[]>(Raw(k), Raw("store"))).ToArray();
        return new ArrayKeyValueIterator<byte[], byte[]>(entries, entries.Length);
    }

    private static byte[] Raw(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(MergedCacheIterator<byte[]> iterator)
    {
        using (iterator)
        {
            return string.Join(' ', iterator.Select(e => $"{Encoding.UTF8.GetString(e.Key)}={Encoding.UTF8.GetString(e.Value)}"));
        }
    }

    private sealed class TrackingIterator(IKeyValueIterator<byte[], byte[]> inner) : IKeyValueIterator<byte[], byte[]>
    {
        public bool Disposed { get; private set; }

        public KeyValue<byte[], byte[]> Current => inner.Current;

        object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext() => inner.MoveNext();

        public byte[] PeekNextKey() => inner.PeekNextKey();

        public void Reset() => inner.Reset();

        public void Dispose() => Disposed = true;

        public IEnumerator<KeyValue<byte[], byte[]>> GetEnumerator() => this;

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => this;
    }
}
