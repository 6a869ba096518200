using System.Text;
using StreamsApp.Streams.State.Internal.Caching;

namespace StreamsApp.Streams.Tests.State;

/// <summary>The thread cache and its named caches directly: size accounting, LRU and dirty order, eviction.</summary>
public sealed class ThreadCacheTests
{
    private const long Entry = 1 + 1 + CacheEntry.Overhead; // one-letter key and value

    private readonly List<string> _flushed = [];

    [Fact]
    public void Sizes_count_key_value_and_overhead_in_the_named_cache_and_the_thread_cache()
    {
        var thread = new ThreadCache(10_000);
        var cache = Register(thread, "c1");

        thread.Put(cache, Dirty("a", "1"));
        Assert.Equal(Entry, cache.SizeBytes);

        thread.Put(cache, Dirty("a", "12345"));
        thread.Put(cache, Dirty("bb", null));
        Assert.Equal((1 + 5 + CacheEntry.Overhead) + (2 + CacheEntry.Overhead), cache.SizeBytes);
        Assert.Equal(cache.SizeBytes, thread.SizeBytes);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Named_caches_share_the_thread_budget_and_Unregister_returns_a_cache_size_without_flushing()
    {
        var thread = new ThreadCache(10_000);
        var first = Register(thread, "c1");
        var second = Register(thread, "c2");
        thread.Put(first, Dirty("a", "1"));
        thread.Put(second, Dirty("b", "2"));
        thread.Put(second, Dirty("c", "3"));
        Assert.Equal(3 * Entry, thread.SizeBytes);

        thread.Unregister("c2");

        Assert.Equal(Entry, thread.SizeBytes);
        Assert.Equal(0, second.SizeBytes);
        Assert.Equal(0, second.Count);
        Assert.Empty(_flushed);
    }

    [Fact]
    public void Get_touches_so_the_least_recently_used_entry_is_evicted_first()
    {
        var thread = new ThreadCache(3 * Entry);
        var cache = Register(thread, "c");
        thread.Put(cache, Clean("a", "1"));
        thread.Put(cache, Clean("b", "2"));
        thread.Put(cache, Clean("c", "3"));
        Assert.NotNull(cache.Get(Key("a")));

        thread.Put(cache, Clean("d", "4"));

        Assert.Null(cache.Get(Key("b")));
        Assert.All(new[] { "a", "c", "d" }, k => Assert.NotNull(cache.Get(Key(k))));
        Assert.Equal(3 * Entry, thread.SizeBytes);
        Assert.Empty(_flushed); // evicting a clean entry writes nothing
    }

    [Fact]
    public void Put_of_an_existing_key_touches_it()
    {
        var thread = new ThreadCache(2 * Entry);
        var cache = Register(thread, "c");
        thread.Put(cache, Clean("a", "1"));
        thread.Put(cache, Clean("b", "2"));
        thread.Put(cache, Clean("a", "3"));

        thread.Put(cache, Clean("c", "4"));

        Assert.Null(cache.Get(Key("b")));
        Assert.Equal("3", Encoding.UTF8.GetString(cache.Get(Key("a"))!.Value!));
    }

    [Fact]
    public void Flush_forwards_dirty_entries_in_last_write_order_once()
    {
        var thread = new ThreadCache(10_000);
        var cache = Register(thread, "c");
        thread.Put(cache, Dirty("a", "1"));
        thread.Put(cache, Dirty("b", "1"));
        thread.Put(cache, Clean("x", "1"));
        thread.Put(cache, Dirty("a", "2"));
        thread.Put(cache, Dirty("c", null));

        cache.Flush();
        cache.Flush();

        Assert.Equal(["c:b=1 a=2 c=null"], _flushed);
        Assert.All(new[] { "a", "b", "x" }, k => Assert.False(cache.Get(Key(k))!.IsDirty)); // flushed entries stay, clean
    }

    [Fact]
    public void A_flushed_delete_leaves_the_cache_and_frees_its_budget()
    {
        var thread = new ThreadCache(10_000);
        var cache = Register(thread, "c");
        thread.Put(cache, Dirty("a", "1"));
        thread.Put(cache, Dirty("gone", null));

        cache.Flush();

        Assert.Null(cache.Get(Key("gone")));
        Assert.Equal(1, cache.Count);
        Assert.Equal(Entry, thread.SizeBytes);
    }

    [Fact]
    public void Evicting_a_dirty_delete_flushes_it_once_and_keeps_the_sizes_right()
    {
        var thread = new ThreadCache(2 * Entry);
        var cache = Register(thread, "c");
        thread.Put(cache, Dirty("x", null)); // the eldest, and a delete: the flush itself removes it
        thread.Put(cache, Dirty("a", "1"));

        thread.Put(cache, Dirty("b", "2"));

        Assert.Equal(["c:x=null a=1 b=2"], _flushed);
        Assert.Equal(2, cache.Count);
        Assert.Equal(2 * Entry, cache.SizeBytes);
        Assert.Equal(cache.SizeBytes, thread.SizeBytes);
    }

    [Fact]
    public void Eviction_of_a_dirty_eldest_flushes_all_dirty_entries_in_dirty_order_then_removes_only_the_eldest()
    {
        var thread = new ThreadCache(3 * Entry);
        var cache = Register(thread, "c");
        thread.Put(cache, Dirty("a", "1"));
        thread.Put(cache, Dirty("b", "2"));
        thread.Put(cache, Dirty("c", "3"));
        _ = cache.Get(Key("a"));

        thread.Put(cache, Dirty("d", "4"));

        Assert.Equal(["c:a=1 b=2 c=3 d=4"], _flushed);
        Assert.Null(cache.Get(Key("b")));
        Assert.Equal(3, cache.Count);
        Assert.Equal(3 * Entry, thread.SizeBytes);
    }

    [Fact]
    public void An_eldest_entry_written_again_by_the_flush_listener_is_not_evicted()
    {
        var thread = new ThreadCache(2 * Entry);
        NamedCache? cache = null;
        var rewrote = false;
        cache = thread.Register("c", entries =>
        {
            _flushed.Add(string.Join(' ', entries.Select(e => Encoding.UTF8.GetString(e.Key))));
            if (!rewrote)
            {
                rewrote = true;
                thread.Put(cache!, Dirty("a", "2")); // e.g. a downstream processor writing back to the store
            }
        });
        thread.Put(cache, Dirty("a", "1"));
        thread.Put(cache, Dirty("b", "1"));

        thread.Put(cache, Dirty("c", "1"));

        var a = cache.Get(Key("a"));
        Assert.NotNull(a);
        Assert.True(a.IsDirty);
        Assert.Equal("2", Encoding.UTF8.GetString(a.Value!));
        Assert.Equal(thread.SizeBytes, cache.SizeBytes);
        Assert.True(thread.SizeBytes <= 2 * Entry);
    }

    [Fact]
    public void A_budget_smaller_than_one_entry_flushes_and_drops_every_write_at_once()
    {
        var thread = new ThreadCache(0);
        var cache = Register(thread, "c");

        thread.Put(cache, Dirty("a", "1"));
        thread.Put(cache, Dirty("a", "2"));

        Assert.Equal(["c:a=1", "c:a=2"], _flushed);
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, thread.SizeBytes);
    }

    [Fact]
    public void Eviction_only_evicts_from_the_cache_being_written()
    {
        var thread = new ThreadCache(2 * Entry);
        var other = Register(thread, "other");
        var cache = Register(thread, "c");
        thread.Put(other, Dirty("o", "1"));
        thread.Put(cache, Dirty("a", "1"));

        thread.Put(cache, Dirty("b", "2"));

        Assert.Equal(["c:a=1 b=2"], _flushed);
        Assert.NotNull(other.Get(Key("o")));
        Assert.NotNull(cache.Get(Key("b")));
    }

    [Fact]
    public void Range_returns_entries_within_inclusive_bounds_sorted_by_unsigned_bytes()
    {
        var thread = new ThreadCache(10_000);
        var cache = Register(thread, "c");
        foreach (var key in new[] { "\u00e9", "b", "a", "z", "c" })
        {
            thread.Put(cache, Dirty(key, "v"));
        }

        Assert.Equal(["a", "b", "c", "z", "\u00e9"], cache.Range(null, null).Select(e => Encoding.UTF8.GetString(e.Key)));
        Assert.Equal(["b", "c"], cache.Range(Key("b"), Key("c")).Select(e => Encoding.UTF8.GetString(e.Key)));
        Assert.Equal(["z", "\u00e9"], cache.Range(Key("d"), null).Select(e => Encoding.UTF8.GetString(e.Key)));
        Assert.Empty(cache.Range(Key("d"), Key("b")));
    }

    [Fact]
    public void FirstKeyFrom_finds_the_smallest_key_at_or_after_a_bound_and_follows_removals()
    {
        var thread = new ThreadCache(10_000);
        var cache = Register(thread, "c");
        foreach (var key in new[] { "d", "b", "f" })
        {
            thread.Put(cache, Dirty(key, key == "d" ? null : "v"));
        }

        Assert.Equal("b", Encoding.UTF8.GetString(cache.FirstKeyFrom(Key("a"))!));
        Assert.Equal("d", Encoding.UTF8.GetString(cache.FirstKeyFrom(Key("c"))!));
        Assert.Equal("f", Encoding.UTF8.GetString(cache.FirstKeyFrom(Key("f"))!));
        Assert.Null(cache.FirstKeyFrom(Key("g")));

        // The flushed delete of d leaves the cache, and its key the sorted keys.
        cache.Flush();
        Assert.Equal("f", Encoding.UTF8.GetString(cache.FirstKeyFrom(Key("c"))!));
        Assert.Equal(["b", "f"], cache.Range(null, null).Select(e => Encoding.UTF8.GetString(e.Key)));
    }

    private static byte[] Key(string key) => Encoding.UTF8.GetBytes(key);

    private static CacheWrite Dirty(string key, string? value) =>
        new(Key(key), value is null ? null : Encoding.UTF8.GetBytes(value), true, 0, null);

    private static CacheWrite Clean(string key, string value) => new(Key(key), Encoding.UTF8.GetBytes(value), false, 0, null);

    private NamedCache Register(ThreadCache thread, string name) =>
        thread.Register(name, entries => _flushed.Add(
            $"{name}:" + string.Join(' ', entries.Select(e =>
                $"{Encoding.UTF8.GetString(e.Key)}={(e.Value is null ? "null" : Encoding.UTF8.GetString(e.Value))}"))));
}
