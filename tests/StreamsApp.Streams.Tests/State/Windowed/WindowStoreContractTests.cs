using System.Text;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Segmented;
using StreamsApp.Streams.Tests.State.Internal;

namespace StreamsApp.Streams.Tests.State.Windowed;

/// <summary>The behaviour both byte-level window store backends share; one derived class per backend.</summary>
public abstract class WindowStoreContractTests : IDisposable
{
    protected const long Retention = 1_000;
    protected const long Interval = 500;
    protected const long WindowSize = 100;

    private SegmentedWindowStore? _store;

    protected TestStateStoreContext Context { get; } = new();

    private protected SegmentedWindowStore Store => _store ??= Open();

    protected abstract bool Persistent { get; }

    private protected SegmentedWindowStore Open(bool retainDuplicates = false)
    {
        var store = new SegmentedWindowStore("win", Retention, Interval, WindowSize, retainDuplicates, SegmentFactories.Create(Persistent));
        store.Init(Context, store);
        return store;
    }

    protected static byte[] S(string text) => Encoding.UTF8.GetBytes(text);

    protected static List<(long Start, string Value)> Values(IKeyValueEnumerable<long, byte[]> entries) =>
        entries.Select(e => (e.Key, Encoding.UTF8.GetString(e.Value))).ToList();

    protected static List<string> Windows(IKeyValueEnumerable<Windowed<byte[]>, byte[]> entries) =>
        entries.Select(e => $"{Encoding.UTF8.GetString(e.Key.Key)}@{e.Key.Window.StartMs}/{e.Key.Window.EndMs}={Encoding.UTF8.GetString(e.Value)}").ToList();

    [Fact]
    public void Fetch_by_key_returns_windows_in_the_inclusive_time_range_oldest_first_and_backward_newest_first()
    {
        foreach (var start in new long[] { 0, 100, 200, 300 })
        {
            Store.Put(S("a"), S($"a{start}"), start);
        }

        Store.Put(S("b"), S("b100"), 100);

        Assert.Equal([(100L, "a100"), (200L, "a200")], Values(Store.Fetch(S("a"), 100, 200)));
        Assert.Equal([(200L, "a200"), (100L, "a100")], Values(Store.BackwardFetch(S("a"), 100, 200)));
        Assert.Empty(Values(Store.Fetch(S("a"), 201, 299)));
        Assert.True(Store.TryFetch(S("b"), 100, out var b));
        Assert.Equal("b100", Encoding.UTF8.GetString(b));
        Assert.False(Store.TryFetch(S("b"), 101, out _));
    }

    [Fact]
    public void Key_range_and_fetch_all_order_by_segment_then_key_bytes_then_start()
    {
        Store.Put(S("b"), S("1"), 0);
        Store.Put(S("a"), S("2"), 100);
        Store.Put(S("a"), S("3"), 0);
        Store.Put(S("c"), S("4"), 0);
        Store.Put(S("a"), S("5"), 600); // the next segment: [500, 1000)

        Assert.Equal(["a@0/100=3", "a@100/200=2", "b@0/100=1", "a@600/700=5"], Windows(Store.Fetch(S("a"), S("b"), 0, 600)));
        Assert.Equal(["a@0/100=3", "b@0/100=1"], Windows(Store.Fetch(S("a"), S("b"), 0, 0)));
        Assert.Equal(["a@0/100=3", "b@0/100=1", "c@0/100=4"], Windows(Store.FetchAll(0, 50)));
        Assert.Equal(["a@600/700=5", "c@0/100=4", "b@0/100=1", "a@100/200=2", "a@0/100=3"], Windows(Store.BackwardAll()));
        Assert.Equal(["b@0/100=1", "c@0/100=4"], Windows(Store.Fetch(S("b"), null, 0, 1000)));
        Assert.Empty(Windows(Store.Fetch(S("c"), S("a"), 0, 1000)));
    }

    [Fact]
    public void Key_range_finds_keys_that_are_prefixes_of_the_upper_bound_whatever_their_time_bytes()
    {
        // "a" + (start 0x..FF) sorts after "a\0" + suffix: a naive upper bound would miss it.
        var shortKey = S("a");
        byte[] upper = [(byte)'a', 0x00];
        Store.Put(shortKey, S("short"), 255);
        Store.Put(upper, S("long"), 0);

        Assert.Equal(2, Windows(Store.Fetch(shortKey, upper, 0, 300)).Count);
        Assert.Single(Windows(Store.Fetch(upper, upper, 0, 300)));
    }

    [Fact]
    public void A_null_put_deletes_the_window()
    {
        Store.Put(S("a"), S("x"), 10);
        Store.Put(S("a"), null, 10);

        Assert.False(Store.TryFetch(S("a"), 10, out _));
        Assert.Empty(Windows(Store.All()));
    }

    [Fact]
    public void With_retained_duplicates_every_put_is_kept_in_put_order_and_null_puts_are_ignored()
    {
        var store = Open(retainDuplicates: true);
        store.Put(S("k"), S("first"), 10);
        store.Put(S("k"), S("second"), 10);
        store.Put(S("k"), null, 10);

        Assert.Equal([(10L, "first"), (10L, "second")], Values(store.Fetch(S("k"), 0, 100)));
        Assert.True(store.TryFetch(S("k"), 10, out var value));
        Assert.Equal("first", Encoding.UTF8.GetString(value));
        store.Close();
    }

    [Fact]
    public void Windows_at_or_before_stream_time_minus_retention_become_invisible_and_later_puts_for_them_are_dropped()
    {
        Store.Put(S("a"), S("old"), 100);
        Store.Put(S("a"), S("mid"), 1_099);
        Assert.Equal(2, Values(Store.Fetch(S("a"), 0, 2_000)).Count);

        Store.Put(S("b"), S("new"), 1_100); // stream time 1100: live from 101

        Assert.Equal([(1_099L, "mid")], Values(Store.Fetch(S("a"), 0, 2_000)));
        Assert.False(Store.TryFetch(S("a"), 100, out _));
        Assert.True(Store.Bytes.Put(WindowKeySchema.ToStoreKeyBinary(S("c"), 101, 0), S("live")));
        Assert.False(Store.Bytes.Put(WindowKeySchema.ToStoreKeyBinary(S("c"), 100, 0), S("late")));
        Assert.Equal(["a@1099/1199=mid", "b@1100/1200=new", "c@101/201=live"], Windows(Store.All()).Order().ToList());
    }

    [Fact]
    public void Restore_applies_a_batch_of_changelog_records_and_skips_those_out_of_retention()
    {
        _ = Store; // opens and registers the store
        Context.RestoreCallback.RestoreBatch(
        [
            new ChangelogRecord(WindowKeySchema.ToStoreKeyBinary(S("a"), 0, 0), S("expired"), 0),
            new ChangelogRecord(WindowKeySchema.ToStoreKeyBinary(S("a"), 1_500, 0), S("x"), 0),
            new ChangelogRecord(WindowKeySchema.ToStoreKeyBinary(S("b"), 1_600, 0), S("y"), 0),
            new ChangelogRecord(WindowKeySchema.ToStoreKeyBinary(S("b"), 1_600, 0), null, 0),
            new ChangelogRecord(WindowKeySchema.ToStoreKeyBinary(S("c"), 2_000, 0), S("z"), 0),
        ]);

        Assert.Equal(["a@1500/1600=x", "c@2000/2100=z"], Windows(Store.All()));
        Assert.Equal(2_000, Store.Bytes.ObservedStreamTime);
    }

    [Fact]
    public void A_fetch_enumerated_again_looks_up_the_segments_and_retention_anew()
    {
        Store.Put(S("a"), S("old"), 100);
        Store.Put(S("a"), S("mid"), 600);
        var fetch = Store.Fetch(S("a"), 0, 5_000);
        Assert.Equal([(100L, "old"), (600L, "mid")], Values(fetch));

        // Stream time 1650: live from 651, so segment [0, 500) is destroyed and the window at 600 has expired.
        Store.Put(S("a"), S("new"), 1_650);

        Assert.Equal([(1_650L, "new")], Values(fetch));
    }

    [Fact]
    public void PeekNextKey_of_a_fetch_is_the_next_window_start_across_segments()
    {
        Store.Put(S("a"), S("x"), 100);
        Store.Put(S("a"), S("y"), 600);
        using var pass = Store.Fetch(S("a"), 0, 1_000).GetEnumerator();

        Assert.Equal(100, pass.PeekNextKey());
        Assert.True(pass.MoveNext());
        Assert.Equal(600, pass.PeekNextKey());
        Assert.Equal(100, pass.Current.Key);
        Assert.True(pass.MoveNext());
        Assert.False(pass.MoveNext());
        Assert.Throws<InvalidOperationException>(() => pass.PeekNextKey());
    }

    public void Dispose()
    {
        _store?.Close();
        Context.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class InMemoryWindowStoreTests : WindowStoreContractTests
{
    protected override bool Persistent => false;

    [Fact]
    public void Is_not_persistent_and_writes_nothing_to_disk()
    {
        Store.Put(S("a"), S("x"), 0);

        Assert.False(Store.Persistent);
        Assert.False(Directory.Exists(Path.Combine(Context.StateDirectory, "rocksdb")));
    }
}
