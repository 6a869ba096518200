using System.Text;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;
using StreamsApp.Streams.State.Internal.Caching;

namespace StreamsApp.Streams.Tests.State;

/// <summary>The merge of a cache snapshot with a store's read, directly.</summary>
public sealed class MergedCacheEnumerableTests
{
    [Theory]
    [InlineData(false, "a=store b=cache c=cache d=store f=cache")]
    [InlineData(true, "f=cache d=store c=cache b=cache a=store")]
    public void The_cache_wins_on_equal_keys_and_its_deletes_hide_stored_keys(bool reverse, string expected)
    {
        var cached = Cached(("b", "cache"), ("c", "cache"), ("e", null), ("f", "cache"), ("g", null));
        var stored = Stored(reverse, "a", "c", "d", "e");

        Assert.Equal(expected, Text(Merge(cached, stored, reverse)));
    }

    [Fact]
    public void Only_cache_or_only_store_or_neither()
    {
        Assert.Equal("a=cache b=cache", Text(Merge(Cached(("a", "cache"), ("b", "cache")), Stored(false), false)));
        Assert.Equal("b=store a=store", Text(Merge(Cached(), Stored(true, "a", "b"), true)));
        Assert.Equal(string.Empty, Text(Merge(Cached(("a", null)), Stored(false), false)));
        Assert.Equal(string.Empty, Text(Merge(Cached(("a", null)), Stored(false, "a"), false)));
    }

    [Fact]
    public void Unsigned_byte_order_decides_between_cache_and_store()
    {
        var cached = Cached(("B", "cache"), ("\u00e9", "cache"));
        var stored = Stored(false, "a", "z");

        Assert.Equal("B=cache a=store z=store \u00e9=cache", Text(Merge(cached, stored, false)));
    }

    [Fact]
    public void PeekNextKey_skips_deleted_entries_and_throws_at_the_end()
    {
        using var merged = Merge(Cached(("a", null), ("c", "cache")), Stored(false, "a", "b"), false).GetEnumerator();

        Assert.Equal("b", Encoding.UTF8.GetString(merged.PeekNextKey()));
        Assert.True(merged.MoveNext());
        Assert.Equal("c", Encoding.UTF8.GetString(merged.PeekNextKey()));
        Assert.True(merged.MoveNext());
        Assert.False(merged.MoveNext());
        Assert.Throws<InvalidOperationException>(() => merged.PeekNextKey());
    }

    [Fact]
    public void Each_enumeration_reads_the_cache_and_opens_the_store_anew_and_disposing_it_disposes_the_store_pass()
    {
        var cacheReads = 0;
        var stored = new TrackingEnumerable(Stored(false, "a"));
        var merged = Merge(() => Cached(++cacheReads == 1 ? ("b", "first") : ("b", "second"))(), stored, false);

        Assert.Equal("a=store b=first", Text(merged));
        Assert.Equal("a=store b=second", Text(merged));
        Assert.Equal(2, stored.Opened);
        Assert.Equal(2, stored.Disposed);
    }

    private static Merged Merge(Func<List<CacheEntry>> cached, IKeyValueEnumerable<byte[], byte[]> stored, bool reverse) => new(cached, stored, reverse);

    private static Func<List<CacheEntry>> Cached(params (string Key, string? Value)[] entries) =>
        () => entries.Select(e => new CacheEntry(Raw(e.Key), e.Value is null ? null : Raw(e.Value), true, 0, null)).ToList();

    private static DeferredKeyValueEnumerable<byte[], byte[]> Stored(bool reverse, params string[] keys)
    {
        var ordered = reverse ? keys.Reverse() : keys;
        var entries = ordered.Select(k => new KeyValue<byte[], byte[]>(Raw(k), Raw("store"))).ToArray();
        return new(() => new ArrayKeyValueEnumerator<byte[], byte[]>(entries, entries.Length));
    }

    private static byte[] Raw(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(Merged merged) =>
        string.Join(' ', merged.Select(e => $"{Encoding.UTF8.GetString(e.Key)}={Encoding.UTF8.GetString(e.Value)}"));

    /// <summary>A merge over plain keys (as the key-value caching store's) whose cached entries come from a delegate.</summary>
    private sealed class Merged(Func<List<CacheEntry>> cached, IKeyValueEnumerable<byte[], byte[]> stored, bool reverse)
        : MergedCacheEnumerable<byte[]>(stored, reverse, key => key, key => key)
    {
        protected override List<CacheEntry> ReadCache() => cached();
    }

    /// <summary>Counts the passes opened over a read and the passes disposed.</summary>
    private sealed class TrackingEnumerable(IKeyValueEnumerable<byte[], byte[]> inner) : IKeyValueEnumerable<byte[], byte[]>
    {
        public int Opened { get; private set; }

        public int Disposed { get; private set; }

        public IKeyValueEnumerator<byte[], byte[]> GetEnumerator()
        {
            Opened++;
            return new Pass(inner.GetEnumerator(), this);
        }

        private sealed class Pass(IKeyValueEnumerator<byte[], byte[]> inner, TrackingEnumerable owner) : IKeyValueEnumerator<byte[], byte[]>
        {
            public KeyValue<byte[], byte[]> Current => inner.Current;

            public bool MoveNext() => inner.MoveNext();

            public byte[] PeekNextKey() => inner.PeekNextKey();

            public void Dispose()
            {
                owner.Disposed++;
                inner.Dispose();
            }
        }
    }
}
