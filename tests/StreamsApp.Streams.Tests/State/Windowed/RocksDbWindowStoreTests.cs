namespace StreamsApp.Streams.Tests.State.Windowed;

public sealed class RocksDbWindowStoreTests : WindowStoreContractTests
{
    private string StoreDirectory => Path.Combine(Context.StateDirectory, "rocksdb", "win");

    protected override bool Persistent => true;

    private List<string> SegmentDirectories() =>
        Directory.EnumerateDirectories(StoreDirectory).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Creates_one_database_per_segment_interval_named_after_the_segment_start()
    {
        Store.Put(S("a"), S("x"), 0);
        Store.Put(S("a"), S("x"), 499);
        Store.Put(S("a"), S("x"), 500);
        Store.Put(S("a"), S("x"), 999);

        Assert.True(Store.Persistent);
        Assert.Equal(["win.0", "win.500"], SegmentDirectories());
        Assert.True(File.Exists(Path.Combine(StoreDirectory, "win.500", "CURRENT")));
    }

    [Fact]
    public void Segments_whose_whole_range_is_out_of_retention_are_deleted_from_disk()
    {
        Store.Put(S("a"), S("x"), 10);
        Store.Put(S("a"), S("x"), 600);
        Store.Put(S("a"), S("x"), 1_100);
        Assert.Equal(["win.0", "win.1000", "win.500"], SegmentDirectories());

        // Stream time 1499: live from 500, so segment [0, 500) has only dead times; [500, 1000) stays.
        Store.Put(S("a"), S("x"), 1_499);
        Assert.Equal(["win.1000", "win.500"], SegmentDirectories());

        Store.Put(S("a"), S("x"), 1_500); // live from 501: segment 500 still holds live times
        Assert.Equal(["win.1000", "win.1500", "win.500"], SegmentDirectories());

        Store.Put(S("a"), S("x"), 2_000); // live from 1001
        Assert.Equal(["win.1000", "win.1500", "win.2000"], SegmentDirectories());
        Assert.Equal([1_100L, 1_499L, 1_500L, 2_000L], Values(Store.Fetch(S("a"), 0, 5_000)).Select(v => v.Start));
    }

    [Fact]
    public void A_foreach_left_early_closes_the_native_iterator_of_the_segment_it_was_in()
    {
        Store.Put(S("a"), S("x"), 100);
        Store.Put(S("a"), S("y"), 200);
        Store.Put(S("a"), S("z"), 600);

        foreach (var (start, _) in Store.Fetch(S("a"), 0, 1_000))
        {
            // One native iterator at a time: a segment's closes when the pass moves on to the next segment.
            Assert.Equal(1, Store.Bytes.OpenEnumeratorCount);
            if (start == 600)
            {
                break;
            }
        }

        Assert.Equal(0, Store.Bytes.OpenEnumeratorCount);
        Assert.Equal(3, Store.All().Count());
        Assert.Equal(0, Store.Bytes.OpenEnumeratorCount);
    }

    [Fact]
    public void Data_survives_close_and_reopen()
    {
        Store.Put(S("a"), S("x"), 100);
        Store.Put(S("b"), S("y"), 700);
        Store.Close();

        var reopened = Open();
        try
        {
            Assert.Equal(["a@100/200=x", "b@700/800=y"], Windows(reopened.All()));
        }
        finally
        {
            reopened.Close();
        }
    }
}
