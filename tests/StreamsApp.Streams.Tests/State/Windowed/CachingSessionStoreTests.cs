using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Caching;
using StreamsApp.Streams.State.Internal.Segmented;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.State.CachingStoreTests;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.State.Windowed;

/// <summary>
/// The session store's caching layer as processors see it: session searches merge cache and store in the store's
/// order (segment by session end, then key, end, start), cached removes hide stored sessions, and removes and puts
/// reach store and changelog at commit.
/// </summary>
public sealed class CachingSessionStoreTests
{
    // Segments of 300 s (half the retention) by session end.
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    [Fact]
    public void Searches_merge_cache_and_store_across_segments_with_cached_removes_hiding_stored_sessions()
    {
        var reads = new Dictionary<string, string>();
        var topology = With(
            Cached(),
            (store, _, _) =>
            {
                store.Remove(Session("a", 100, 200));
                store.Put(Session("a", 0, 10), "cached");
                store.Put(Session("a", 320_000, 330_000), "cached");
                store.Put(Session("b", 50, 60), "cached");
                Assert.True(Segmented(store).TryFetchSession(Raw("a"), 100, 200, out _)); // the remove is only cached so far
                reads["find a"] = Text(store.FindSessions("a", 0, long.MaxValue));
                reads["backwardFind a"] = Text(store.BackwardFindSessions("a", 0, long.MaxValue));
                reads["find a overlapping 150..325000"] = Text(store.FindSessions("a", 150, 325_000));
                reads["find all"] = Text(store.FindSessions(null, null, 0, long.MaxValue));
                reads["fetch b"] = Text(store.Fetch("b"));
                reads["backwardFetch a..b"] = Text(store.BackwardFetch("a", "b"));
                reads["tryFetch"] = string.Join(' ', new[] { ("a", 100L, 200L), ("a", 0L, 10L), ("b", 0L, 5L) }
                    .Select(s => store.TryFetchSession(s.Item1, s.Item2, s.Item3, out var value) ? value : "none"));
            },
            (store, _) =>
            {
                foreach (var (key, start, end) in new[] { ("a", 0L, 10L), ("a", 100L, 200L), ("a", 350_000L, 360_000L), ("b", 0L, 5L) })
                {
                    Segmented(store).Put(new Windowed<byte[]>(Raw(key), new SessionWindow(start, end)), Raw("stored"));
                }
            });
        using var driver = new TopologyTestDriver(topology, Config());
        var changelog = driver.CreateOutputTopic(Changelog("s"), Serdes.ByteArray(), Serdes.String());

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "go");

        const string all = "a[0,10]=cached b[0,5]=stored b[50,60]=cached a[320000,330000]=cached a[350000,360000]=stored";
        Assert.Equal("a[0,10]=cached a[320000,330000]=cached a[350000,360000]=stored", reads["find a"]);
        Assert.Equal("a[350000,360000]=stored a[320000,330000]=cached a[0,10]=cached", reads["backwardFind a"]);
        Assert.Equal("a[320000,330000]=cached", reads["find a overlapping 150..325000"]);
        Assert.Equal(all, reads["find all"]);
        Assert.Equal("b[0,5]=stored b[50,60]=cached", reads["fetch b"]);
        Assert.Equal(string.Join(' ', all.Split(' ').Reverse()), reads["backwardFetch a..b"]);
        Assert.Equal("none cached stored", reads["tryFetch"]);

        // At commit the remove and the puts were written down and logged, the remove as a tombstone.
        Assert.Equal([null, "cached", "cached", "cached"], changelog.ReadValuesToList().Select(value => (string?)value));
        var view = driver.GetSessionStore<string, string>("s");
        Assert.Equal(all, Text(view.FindSessions(null, null, 0, long.MaxValue)));
        Assert.False(Segmented(view).TryFetchSession(Raw("a"), 100, 200, out _));
    }

    private static IStoreBuilder<ISessionStore<string, string>> Cached() =>
        Stores.SessionStoreBuilder(Stores.InMemorySessionStore("s", Retention), Serdes.String(), Serdes.String()).WithCachingEnabled();

    private static Windowed<string> Session(string key, long start, long end) => new(key, new SessionWindow(start, end));

    private static ISessionStore<byte[], byte[]> Segmented(ISessionStore<string, string> store) =>
        ((ChangeLoggingSessionBytesStore)((CachingSessionStore)((MeteredSessionStore<string, string>)store).Inner).Inner).Inner;

    private static string Text(IKeyValueEnumerable<Windowed<string>, string> entries) =>
        string.Join(' ', entries.ToList().Select(e => $"{e.Key.Key}[{e.Key.Window.StartMs},{e.Key.Window.EndMs}]={e.Value}"));
}
