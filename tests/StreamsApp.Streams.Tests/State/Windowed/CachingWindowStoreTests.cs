using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Caching;
using StreamsApp.Streams.State.Internal.Segmented;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.State.CachingStoreTests;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.State.Windowed;

/// <summary>
/// The window store's caching layer as processors see it: reads merge cache and store in the store's order across
/// segments, writes coalesce per window until the commit (or an eviction) writes them down and logs them.
/// </summary>
public sealed class CachingWindowStoreTests
{
    // Segments of 300 s (half the retention): windows before 300 000 are in segment 0, the others in segment 1.
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Size = TimeSpan.FromSeconds(10);

    [Fact]
    public void Reads_merge_cache_and_store_across_segments_with_the_cache_winning_and_cached_deletes_hiding_stored_windows()
    {
        var reads = new Dictionary<string, string>();
        var topology = With(
            Cached(),
            (store, _, _) =>
            {
                store.Put("a", "cached", 0);
                store.Put("b", null, 0);
                store.Put("a", "cached", 310_000);
                store.Put("b", "cached", 350_000);
                Assert.True(Segmented(store).TryFetch(Raw("b"), 0, out _)); // the delete is only cached so far
                reads["fetch a"] = Text(store.Fetch("a", 0, long.MaxValue));
                reads["backwardFetch a"] = Text(store.BackwardFetch("a", 0, long.MaxValue));
                reads["fetch a 1..320000"] = Text(store.Fetch("a", 1, 320_000));
                reads["fetch b..c"] = Text(store.Fetch("b", "c", 0, long.MaxValue));
                reads["fetchAll"] = Text(store.FetchAll(0, long.MaxValue));
                reads["backwardFetchAll"] = Text(store.BackwardFetchAll(0, long.MaxValue));
                reads["all"] = Text(store.All());
                reads["backwardAll"] = Text(store.BackwardAll());
                reads["tryFetch"] = string.Join(' ', new[] { ("a", 0L), ("b", 0L), ("c", 300_000L) }
                    .Select(w => store.TryFetch(w.Item1, w.Item2, out var value) ? value : "none"));
            },
            (store, _) =>
            {
                foreach (var (key, start) in new[] { ("a", 0L), ("b", 0L), ("a", 400_000L), ("c", 300_000L) })
                {
                    Segmented(store).Put(Raw(key), Raw("stored"), start);
                }
            });
        using var driver = new TopologyTestDriver(topology, Config());

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "go");

        const string all = "a@0=cached a@310000=cached a@400000=stored b@350000=cached c@300000=stored";
        Assert.Equal("a@0=cached a@310000=cached a@400000=stored", reads["fetch a"]);
        Assert.Equal("a@400000=stored a@310000=cached a@0=cached", reads["backwardFetch a"]);
        Assert.Equal("a@310000=cached", reads["fetch a 1..320000"]);
        Assert.Equal("b@350000=cached c@300000=stored", reads["fetch b..c"]);
        Assert.Equal(all, reads["fetchAll"]);
        Assert.Equal(all, reads["all"]);
        Assert.Equal(Reversed(all), reads["backwardFetchAll"]);
        Assert.Equal(Reversed(all), reads["backwardAll"]);
        Assert.Equal("cached none stored", reads["tryFetch"]);

        // The commit wrote the cache down: the store alone now reads the same.
        var view = driver.GetWindowStore<string, string>("w");
        Assert.Equal(all, Text(view.All()));
        Assert.False(Segmented(view).TryFetch(Raw("b"), 0, out _));
    }

    [Fact]
    public void Cached_reads_of_one_key_bound_by_its_bytes_neither_miss_it_nor_take_keys_it_prefixes()
    {
        // "a" is a prefix of "a\u0000" and "ab": bounding the cache range by the key's bytes must keep every window of
        // "a" (whatever its time bytes) and leave the longer keys out; a key range keeps them all.
        var reads = new Dictionary<string, string>();
        var topology = With(
            Cached(),
            (store, _, _) =>
            {
                foreach (var (key, start) in new[] { ("ab", 0L), ("a", 0L), ("a\u0000", 10_000L), ("a", 310_000L), ("ab", 320_000L), ("b", 0L) })
                {
                    store.Put(key, "v", start);
                }

                reads["fetch a"] = Text(store.Fetch("a", 0, long.MaxValue));
                reads["fetch a..ab"] = Text(store.Fetch("a", "ab", 0, long.MaxValue));
            });
        using var driver = new TopologyTestDriver(topology, Config());

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "go");

        Assert.Equal("a@0=v a@310000=v", reads["fetch a"]);
        Assert.Equal("a@0=v a\u0000@10000=v ab@0=v a@310000=v ab@320000=v", reads["fetch a..ab"]);
    }

    [Fact]
    public void Puts_to_one_window_coalesce_and_reach_store_and_changelog_once_at_commit()
    {
        var duringProcessing = new List<string>();
        TestOutputTopic<byte[], string>? changelog = null;
        var topology = With(Cached(), (store, _, _) =>
        {
            store.Put("a", "1", 0);
            store.Put("a", "2", 0);
            store.Put("a", "3", 0);
            duringProcessing.Add($"stored={Segmented(store).TryFetch(Raw("a"), 0, out _)} logged={changelog!.QueueSize} read={(store.TryFetch("a", 0, out var value) ? value : "none")}");
        });
        using var driver = new TopologyTestDriver(topology, Config());
        changelog = driver.CreateOutputTopic(Changelog("w"), Serdes.ByteArray(), Serdes.String());

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "go");

        Assert.Equal(["stored=False logged=0 read=3"], duringProcessing);
        Assert.Equal(["3"], changelog.ReadValuesToList());
    }

    [Fact]
    public void A_full_cache_writes_windows_down_to_store_and_changelog_during_processing()
    {
        var duringProcessing = new List<string>();
        TestOutputTopic<byte[], string>? changelog = null;
        var topology = With(Cached(), (store, _, _) =>
        {
            store.Put("a", "1", 0);
            store.Put("a", "2", 10_000);
            duringProcessing.Add($"first stored={Segmented(store).TryFetch(Raw("a"), 0, out _)} second stored={Segmented(store).TryFetch(Raw("a"), 10_000, out _)} logged={changelog!.QueueSize}");
        });

        // A window entry costs 8 (segment) + 1 (key) + 12 (start, seqnum) + 1 (value) + 96 bytes: 150 bytes hold one.
        using var driver = new TopologyTestDriver(topology, Config(cacheBytes: 150));
        changelog = driver.CreateOutputTopic(Changelog("w"), Serdes.ByteArray(), Serdes.String());

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "go");

        // Evicting a dirty window flushes the store's dirty windows first, in write order, as Kafka Streams does.
        Assert.Equal(["first stored=True second stored=True logged=2"], duringProcessing);
        Assert.Equal(["1", "2"], changelog.ReadValuesToList());
    }

    [Fact]
    public void Cached_builders_layer_metered_caching_logging_bytes_and_leave_stores_with_duplicates_uncached()
    {
        var cached = Cached().Build();
        var duplicates = Stores.WindowStoreBuilder(Stores.InMemoryWindowStore("d", Retention, Size, true), Serdes.String(), Serdes.String())
            .WithCachingEnabled().Build();
        var session = Stores.SessionStoreBuilder(Stores.InMemorySessionStore("s", Retention), Serdes.String(), Serdes.String())
            .WithCachingEnabled().Build();

        var caching = Assert.IsType<CachingWindowStore>(((MeteredWindowStore<string, string>)cached).Inner);
        Assert.IsType<SegmentedWindowStore>(Assert.IsType<ChangeLoggingWindowBytesStore>(caching.Inner).Inner);
        Assert.IsType<ChangeLoggingWindowBytesStore>(((MeteredWindowStore<string, string>)duplicates).Inner);
        var sessionCaching = Assert.IsType<CachingSessionStore>(((MeteredSessionStore<string, string>)session).Inner);
        Assert.IsType<SegmentedSessionStore>(Assert.IsType<ChangeLoggingSessionBytesStore>(sessionCaching.Inner).Inner);
    }

    private static IStoreBuilder<IWindowStore<string, string>> Cached() =>
        Stores.WindowStoreBuilder(Stores.InMemoryWindowStore("w", Retention, Size, false), Serdes.String(), Serdes.String()).WithCachingEnabled();

    private static IWindowStore<byte[], byte[]> Segmented(IWindowStore<string, string> store) =>
        ((ChangeLoggingWindowBytesStore)((CachingWindowStore)((MeteredWindowStore<string, string>)store).Inner).Inner).Inner;

    private static string Text(IKeyValueEnumerable<Windowed<string>, string> entries) =>
        string.Join(' ', entries.ToList().Select(e => $"{e.Key.Key}@{e.Key.Window.StartMs}={e.Value}"));

    private static string Text(IKeyValueEnumerable<long, string> entries) =>
        string.Join(' ', entries.ToList().Select(e => $"a@{e.Key}={e.Value}"));

    private static string Reversed(string text) => string.Join(' ', text.Split(' ').Reverse());
}
