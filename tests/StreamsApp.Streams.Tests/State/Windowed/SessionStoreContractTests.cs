using System.Text;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Segmented;
using StreamsApp.Streams.Tests.State.Internal;

namespace StreamsApp.Streams.Tests.State.Windowed;

/// <summary>The behaviour both byte-level session store backends share; one derived class per backend.</summary>
public abstract class SessionStoreContractTests : IDisposable
{
    private SegmentedSessionStore? _store;

    protected TestStateStoreContext Context { get; } = new();

    protected abstract bool Persistent { get; }

    private protected SegmentedSessionStore Store => _store ??= Open();

    protected string StoreDirectory => Path.Combine(Context.StateDirectory, "rocksdb", "sess");

    private protected SegmentedSessionStore Open()
    {
        var store = new SegmentedSessionStore("sess", retentionMs: 1_000, segmentIntervalMs: 500, SegmentFactories.Create(Persistent));
        store.Init(Context, store);
        return store;
    }

    protected static byte[] S(string text) => Encoding.UTF8.GetBytes(text);

    protected static Windowed<byte[]> Session(string key, long start, long end) => new(S(key), new SessionWindow(start, end));

    protected static List<string> Sessions(IKeyValueEnumerable<Windowed<byte[]>, byte[]> entries) =>
        entries.Select(e => $"{Encoding.UTF8.GetString(e.Key.Key)}[{e.Key.Window.StartMs},{e.Key.Window.EndMs}]={Encoding.UTF8.GetString(e.Value)}").ToList();

    [Fact]
    public void Find_sessions_returns_those_ending_at_or_after_the_earliest_end_and_starting_at_or_before_the_latest_start()
    {
        Store.Put(Session("k", 0, 10), S("1"));
        Store.Put(Session("k", 20, 30), S("2"));
        Store.Put(Session("k", 40, 40), S("3"));
        Store.Put(Session("other", 20, 30), S("x"));

        Assert.Equal(["k[0,10]=1", "k[20,30]=2"], Sessions(Store.FindSessions(S("k"), 10, 20)));
        Assert.Equal(["k[20,30]=2"], Sessions(Store.FindSessions(S("k"), 11, 39)));
        Assert.Equal(["k[20,30]=2", "k[40,40]=3"], Sessions(Store.FindSessions(S("k"), 30, 40)));
        Assert.Equal(["k[40,40]=3", "k[20,30]=2"], Sessions(Store.BackwardFindSessions(S("k"), 30, 40)));

        // A session spanning the whole queried range overlaps it even when the end asked for is after the start.
        Assert.Equal(["k[20,30]=2"], Sessions(Store.FindSessions(S("k"), 28, 22)));
    }

    [Fact]
    public void Key_range_fetch_orders_by_key_bytes_then_end_within_a_segment()
    {
        Store.Put(Session("b", 0, 5), S("1"));
        Store.Put(Session("a", 3, 8), S("2"));
        Store.Put(Session("a", 0, 2), S("3"));
        Store.Put(Session("c", 0, 1), S("4"));

        Assert.Equal(["a[0,2]=3", "a[3,8]=2", "b[0,5]=1"], Sessions(Store.Fetch(S("a"), S("b"))));
        Assert.Equal(["b[0,5]=1", "a[3,8]=2", "a[0,2]=3"], Sessions(Store.BackwardFetch(S("a"), S("b"))));
        Assert.Equal(["a[0,2]=3", "a[3,8]=2", "b[0,5]=1", "c[0,1]=4"], Sessions(Store.FindSessions(null, null, 0, 100)));
        Assert.Equal(["a[0,2]=3", "a[3,8]=2"], Sessions(Store.Fetch(S("a"))));
    }

    [Fact]
    public void Remove_and_a_null_put_delete_exactly_that_session()
    {
        Store.Put(Session("k", 0, 10), S("1"));
        Store.Put(Session("k", 0, 11), S("2"));
        Store.Put(Session("k", 5, 12), S("3"));

        Store.Remove(Session("k", 0, 10));
        Store.Put(Session("k", 5, 12), null);

        Assert.Equal(["k[0,11]=2"], Sessions(Store.Fetch(S("k"))));
        Assert.False(Store.TryFetchSession(S("k"), 0, 10, out _));
        Assert.True(Store.TryFetchSession(S("k"), 0, 11, out var aggregate));
        Assert.Equal("2", Encoding.UTF8.GetString(aggregate));
    }

    [Fact]
    public void Sessions_ending_at_or_before_stream_time_minus_retention_become_invisible()
    {
        Store.Put(Session("k", 0, 100), S("old"));
        Store.Put(Session("k", 50, 101), S("kept"));
        Store.Put(Session("k", 1_000, 1_100), S("new")); // stream time 1100: live from 101

        Assert.Equal(["k[50,101]=kept", "k[1000,1100]=new"], Sessions(Store.Fetch(S("k"))));
        Assert.False(Store.TryFetchSession(S("k"), 0, 100, out _));
        Assert.False(Store.Bytes.Put(SessionKeySchema.ToBinary(S("late"), 0, 100), S("late")));
    }

    [Fact]
    public void Restore_applies_a_batch_of_changelog_records()
    {
        _ = Store;
        Context.RestoreCallback.RestoreBatch(
        [
            new ChangelogRecord(SessionKeySchema.ToBinary(S("a"), 0, 10), S("1"), 0),
            new ChangelogRecord(SessionKeySchema.ToBinary(S("a"), 700, 800), S("2"), 0),
            new ChangelogRecord(SessionKeySchema.ToBinary(S("a"), 0, 10), null, 0),
        ]);

        Assert.Equal(["a[700,800]=2"], Sessions(Store.Fetch(S("a"))));
    }

    public void Dispose()
    {
        _store?.Close();
        Context.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class InMemorySessionStoreTests : SessionStoreContractTests
{
    protected override bool Persistent => false;
}

public sealed class RocksDbSessionStoreTests : SessionStoreContractTests
{
    protected override bool Persistent => true;

    [Fact]
    public void Segments_go_by_session_end_and_expired_ones_are_deleted_from_disk()
    {
        Store.Put(Session("k", 0, 499), S("a"));
        Store.Put(Session("k", 0, 500), S("b"));
        Assert.Equal(["sess.0", "sess.500"], Directory.EnumerateDirectories(StoreDirectory).Select(Path.GetFileName).Order().ToList());

        Store.Put(Session("k", 1_400, 1_500), S("c")); // live from 501: segment [0, 500) is gone
        Assert.Equal(["sess.1500", "sess.500"], Directory.EnumerateDirectories(StoreDirectory).Select(Path.GetFileName).Order().ToList());
    }

    [Fact]
    public void Data_survives_close_and_reopen()
    {
        Store.Put(Session("k", 0, 10), S("a"));
        Store.Close();

        var reopened = Open();
        try
        {
            Assert.Equal(["k[0,10]=a"], Sessions(reopened.Fetch(S("k"))));
        }
        finally
        {
            reopened.Close();
        }
    }
}
