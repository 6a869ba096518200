using System.Text;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.State;

/// <summary>The caching layer as processors see it: reads, merged scans, eviction and a zero budget.</summary>
public sealed class CachingStoreTests
{
    // A one-letter key and value cost 98 bytes in the cache (CacheEntry.Overhead = 96), so 300 bytes hold three.
    private const long ThreeEntries = 300;

    [Fact]
    public void Reads_within_a_commit_see_cached_writes_that_reach_the_store_only_at_commit()
    {
        var observed = new List<string>();
        TestOutputTopic<string, string>? changelog = null;
        var topology = With(KeyValue("s", caching: true), (store, record, _) =>
        {
            StoreScript.Run(store, record.Value);
            observed.Add($"get={store.Get("k") ?? "null"} stored={Innermost(store).TryGet(Raw("k"), out var _)} logged={changelog!.QueueSize}");
        });
        using var driver = new TopologyTestDriver(topology, Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.String(), Serdes.String());

        input.PipeInput("r", "put k 1; put k 2");
        Assert.True(Innermost(driver.GetKeyValueStore<string, string>("s")).TryGet(Raw("k"), out _));
        Assert.Equal("k=2", Pairs(changelog.ReadKeyValuesToList()));
        input.PipeInput("r", "delete k");

        Assert.Equal(["get=2 stored=False logged=0", "get=null stored=True logged=0"], observed);
        Assert.Equal("k=", Pairs(changelog.ReadKeyValuesToList()));
    }

    [Fact]
    public void PutIfAbsent_and_Delete_see_the_cached_value()
    {
        var results = new List<string>();
        var topology = With(KeyValue("s", caching: true), (store, _, _) =>
        {
            store.Put("k", "v1");
            results.Add($"{store.PutIfAbsent("k", "v2", out var existing)}:{existing}");
            results.Add($"{store.Delete("k", out var old)}:{old}");
            results.Add($"{store.PutIfAbsent("k", "v3", out _)}:{store.Get("k")}");
        });
        using var driver = new TopologyTestDriver(topology, Config());
        var changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.String(), Serdes.String());

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "go");

        Assert.Equal(["False:v1", "True:v1", "True:v3"], results);
        Assert.Equal([new KeyValue<string, string>("k", "v3")], changelog.ReadKeyValuesToList());
    }

    [Fact]
    public void Scans_merge_cache_and_store_with_the_cache_winning_and_cached_deletes_hiding_stored_keys()
    {
        var scans = new Dictionary<string, string>();
        var topology = With(
            KeyValue("s", caching: true),
            (store, _, _) =>
            {
                StoreScript.Run(store, "put b 2; put c 33; delete e; put h 8; delete zz");
                Assert.True(Innermost(store).TryGet(Raw("e"), out var _)); // the delete is only cached so far
                scans["all"] = Pairs(store.All());
                scans["reverseAll"] = Pairs(store.ReverseAll());
                scans["range b..g"] = Pairs(store.Range("b", "g"));
                scans["reverseRange b..g"] = Pairs(store.ReverseRange("b", "g"));
                scans["range ..c"] = Pairs(store.Range(null, "c"));
                scans["range f.."] = Pairs(store.Range("f", null));
                scans["range e..e"] = Pairs(store.Range("e", "e"));
            },
            (store, _) => SeedBytesStore(store, "a", "c", "e", "g"));
        using var driver = new TopologyTestDriver(topology, Config());

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "go");

        Assert.Equal("a=a b=2 c=33 g=g h=8", scans["all"]);
        Assert.Equal("h=8 g=g c=33 b=2 a=a", scans["reverseAll"]);
        Assert.Equal("b=2 c=33 g=g", scans["range b..g"]);
        Assert.Equal("g=g c=33 b=2", scans["reverseRange b..g"]);
        Assert.Equal("a=a b=2 c=33", scans["range ..c"]);
        Assert.Equal("g=g h=8", scans["range f.."]);
        Assert.Equal(string.Empty, scans["range e..e"]);
    }

    [Fact]
    public void Merged_scans_order_by_unsigned_utf8_bytes_not_by_string_order()
    {
        // U+FF21 is EF BC A1 in UTF-8, the emoji F0 9F 98 80; in UTF-16 the emoji (D83D DE00) sorts first.
        const string fullwidthA = "\uFF21";
        const string emoji = "\U0001F600";
        string? all = null;
        string? reverse = null;
        var topology = With(
            KeyValue("s", caching: true),
            (store, _, _) =>
            {
                StoreScript.Run(store, $"put B cached; put z cached; put {emoji} cached");
                all = Pairs(store.All());
                reverse = Pairs(store.ReverseAll());
            },
            (store, _) => SeedBytesStore(store, "a", "\u00e9", fullwidthA));
        using var driver = new TopologyTestDriver(topology, Config());

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "go");

        Assert.Equal($"B=cached a=a z=cached \u00e9=\u00e9 {fullwidthA}={fullwidthA} {emoji}=cached", all);
        Assert.Equal(string.Join(' ', all!.Split(' ').Reverse()), reverse);
    }

    [Fact]
    public void Eviction_flushes_every_dirty_entry_in_dirty_order_then_drops_the_least_recently_used()
    {
        var observed = new List<string>();
        TestOutputTopic<string, string>? changelog = null;
        var topology = With(KeyValue("s", caching: true), (store, record, context) =>
        {
            var cache = ((IHasTaskContext)context).Task.Cache;
            if (record.Value == "first")
            {
                StoreScript.Run(store, "put a 1; put b 2; put c 3");
                _ = store.Get("a"); // a is now more recently used than b and c
                observed.Add($"before={changelog!.QueueSize}");
                store.Put("d", "4"); // over budget: b, the eldest, is dirty, so every dirty entry is flushed
                observed.Add($"evicted={Pairs(changelog.ReadKeyValuesToList())} size={cache.SizeBytes}");
            }
            else
            {
                store.Put("e", "5"); // over budget again: c, the eldest, is clean, so nothing is flushed
                observed.Add($"after clean eviction={changelog!.QueueSize} size={cache.SizeBytes}");
            }
        });
        using var driver = new TopologyTestDriver(topology, Config(cacheBytes: ThreeEntries));
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.String(), Serdes.String());

        input.PipeInput("r", "first");
        Assert.True(changelog.IsEmpty); // the commit had nothing left to flush
        input.PipeInput("r", "second");

        Assert.Equal(
            ["before=0", "evicted=a=1 b=2 c=3 d=4 size=294", "after clean eviction=0 size=294"],
            observed);
        Assert.Equal([new KeyValue<string, string>("e", "5")], changelog.ReadKeyValuesToList());
        var view = driver.GetKeyValueStore<string, string>("s");
        Assert.Equal("a=1 b=2 c=3 d=4 e=5", Pairs(view.All()));
    }

    [Fact]
    public void A_zero_byte_cache_writes_every_update_through_at_once()
    {
        var loggedAfterEachPut = new List<int>();
        TestOutputTopic<string, string>? changelog = null;
        var topology = With(KeyValue("s", caching: true), (store, _, _) =>
        {
            foreach (var (key, value) in new[] { ("a", "1"), ("a", "2"), ("b", "3") })
            {
                store.Put(key, value);
                loggedAfterEachPut.Add(changelog!.QueueSize);
            }
        });
        using var driver = new TopologyTestDriver(topology, Config(cacheBytes: 0));
        changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.String(), Serdes.String());

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "go");

        Assert.Equal([1, 2, 3], loggedAfterEachPut);
        Assert.Equal("a=1 a=2 b=3", Pairs(changelog.ReadKeyValuesToList()));
    }

    [Fact]
    public void ApproximateNumEntries_of_a_cached_in_memory_store_counts_each_key_once()
    {
        using var driver = new TopologyTestDriver(Scripted(KeyValue("s", caching: true)), Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());

        input.PipeInput("r", "put a 1; put b 2");
        input.PipeInput("r", "put c 3; delete a");

        Assert.Equal(2, driver.GetKeyValueStore<string, string>("s").ApproximateNumEntries);
    }

    [Fact]
    public void PrefixScan_sees_cached_writes_without_flushing_them()
    {
        var scans = new List<string>();
        var topology = With(
            KeyValue("s", caching: true),
            (store, _, _) =>
            {
                StoreScript.Run(store, "put ab 1; delete ac; put b x");
                scans.Add(Pairs(store.PrefixScan("a", Serdes.String().Serializer)));
                store.Put("ab", "2");
                scans.Add(Pairs(store.PrefixScan("a", Serdes.String().Serializer)));
            },
            (store, _) => SeedBytesStore(store, "aa", "ac", "ad", "b"));
        using var driver = new TopologyTestDriver(topology, Config());
        var changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.String(), Serdes.String());

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "go");

        Assert.Equal(["aa=aa ab=1 ad=ad", "aa=aa ab=2 ad=ad"], scans);
        // Dirty order, a rewritten key moving last: ac (deleted), b, then ab.
        Assert.Equal("ac= b=x ab=2", Pairs(changelog.ReadKeyValuesToList()));
    }

    internal static string Pairs(IEnumerable<KeyValue<string, string>> pairs) =>
        string.Join(' ', pairs.Select(e => $"{e.Key}={e.Value}"));

    internal static byte[] Raw(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The bytes store under every layer, for writing or checking behind the cache's back.</summary>
    internal static IKeyValueStore<byte[], byte[]> Innermost(IKeyValueStore<string, string> store) =>
        ((WrappedKeyValueBytesStore)((MeteredKeyValueStore<string, string>)store).Inner).Innermost();

    /// <summary>Writes keys (each its own value) straight into the bytes store, so that they are not in the cache.</summary>
    private static void SeedBytesStore(IKeyValueStore<string, string> store, params string[] keys)
    {
        foreach (var key in keys)
        {
            Innermost(store).Put(Raw(key), Raw(key));
        }
    }
}
