using StreamsApp.Streams.Errors;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.RocksDb;

namespace StreamsApp.Streams.Tests.State.Internal;

public sealed class RocksDbKeyValueStoreTests : KeyValueStoreContractTests
{
    protected override IKeyValueStore<byte[], byte[]> CreateStore(string name) => new RocksDbKeyValueStore(name);

    private RocksDbKeyValueStore Rocks => (RocksDbKeyValueStore)Store;

    [Fact]
    public void Opens_its_database_under_the_task_state_directory()
    {
        Assert.True(Store.Persistent);
        Assert.Equal(Path.Combine(Context.StateDirectory, "rocksdb", "store"), Rocks.DbDirectory);
        Assert.True(File.Exists(Path.Combine(Rocks.DbDirectory!, "CURRENT")));
    }

    [Fact]
    public void Data_survives_close_and_reopen_on_the_same_directory()
    {
        PutStrings("a", "b");
        Store.Flush();
        Store.Put(S("after-flush"), S("x"));
        Store.Delete(S("a"), out _);

        // No Flush before this Close: RocksDB must flush the WAL-less memtable itself on shutdown.
        Store.Close();

        var reopened = Open("store");
        try
        {
            Assert.Equal([Hex(S("after-flush")), Hex(S("b"))], Keys(reopened.All()));
            Assert.Equal("x", Text(reopened.Get(S("after-flush"))!));
        }
        finally
        {
            reopened.Close();
        }
    }

    [Fact]
    public void Writes_skip_the_write_ahead_log()
    {
        for (var i = 0; i < 1000; i++)
        {
            Store.Put(BitConverter.GetBytes(i), new byte[100]);
        }

        var walFiles = Directory.GetFiles(Rocks.DbDirectory!, "*.log");
        Assert.NotEmpty(walFiles);
        Assert.All(walFiles, f => Assert.Equal(0, new FileInfo(f).Length));
        Assert.Equal(1000, Keys(Store.All()).Count);
    }

    [Fact]
    public void Flush_writes_the_memtable_to_a_table_file()
    {
        PutStrings("a");
        Assert.Empty(Directory.GetFiles(Rocks.DbDirectory!, "*.sst"));

        Store.Flush();

        Assert.NotEmpty(Directory.GetFiles(Rocks.DbDirectory!, "*.sst"));
    }

    [Fact]
    public void A_large_restore_batch_is_fully_applied()
    {
        var records = new List<ChangelogRecord>();
        for (var i = 0; i < 20_000; i++)
        {
            records.Add(new ChangelogRecord(BitConverter.GetBytes(i), BitConverter.GetBytes(-i), 0));
        }

        var store = Store;
        Context.RestoreCallback.RestoreBatch(records);

        Assert.Equal(20_000, Keys(store.All()).Count);
        Assert.Equal(-12345, BitConverter.ToInt32(store.Get(BitConverter.GetBytes(12345))!));
    }

    [Fact]
    public void A_restore_batch_is_written_as_one_unit()
    {
        // A null key fails while the write batch is built, before anything reaches the database; record-by-record
        // writes would have stored the records before it.
        var store = Store;
        Assert.Throws<ArgumentNullException>(() => Context.RestoreCallback.RestoreBatch(
        [
            new ChangelogRecord(S("a"), S("1"), 0),
            new ChangelogRecord(null!, S("2"), 0),
        ]));

        Assert.Null(store.Get(S("a")));
    }

    [Fact]
    public void Stores_with_the_same_memory_config_share_one_cache_of_the_configured_size()
    {
        var config = new RocksDbConfig { TotalMemoryBytes = (7L * 1024 * 1024) + 4096, WriteBufferRatio = 0.25 };
        using var context = new TestStateStoreContext(config);
        var first = new RocksDbKeyValueStore("first");
        var second = new RocksDbKeyValueStore("second");
        first.Init(context, first);
        second.Init(context, second);
        try
        {
            var shared = first.SharedMemory!;
            Assert.Same(shared, second.SharedMemory);
            Assert.Same(shared, RocksDbSharedMemory.For(new RocksDbConfig { TotalMemoryBytes = config.TotalMemoryBytes, WriteBufferRatio = 0.25 }));
            Assert.NotSame(shared, Rocks.SharedMemory);

            Assert.Equal(config.TotalMemoryBytes, shared.BlockCacheCapacityBytes);
            Assert.Equal(config.TotalMemoryBytes / 4, shared.WriteBufferManagerBufferSizeBytes);
            Assert.True(shared.WriteBufferManagerCostsToCache);

            // Memtable memory is reserved in the shared cache, and the reservation grows as the stores write.
            var reservedAtOpen = shared.MemtableBytesChargedToCache;
            Assert.True(reservedAtOpen > 0);
            for (var i = 0; i < 2000; i++)
            {
                first.Put(BitConverter.GetBytes(i), new byte[200]);
            }

            Assert.True(shared.MemtableBytesChargedToCache > reservedAtOpen);
            Assert.True(shared.BlockCacheUsageBytes >= shared.MemtableBytesChargedToCache);
        }
        finally
        {
            first.Close();
            second.Close();
        }
    }

    [Fact]
    public void Memtable_and_table_options_come_from_the_config()
    {
        var config = new RocksDbConfig { WriteBufferSizeBytes = 3L * 1024 * 1024, MaxWriteBufferNumber = 3 };
        using var context = new TestStateStoreContext(config);
        var store = new RocksDbKeyValueStore("configured");
        store.Init(context, store);
        try
        {
            // RocksDB writes the options it opened with to an OPTIONS file.
            var options = File.ReadAllText(Directory.GetFiles(store.DbDirectory!, "OPTIONS-*").Max()!);
            Assert.Contains("write_buffer_size=3145728", options, StringComparison.Ordinal);
            Assert.Contains("max_write_buffer_number=3", options, StringComparison.Ordinal);
            Assert.Contains("cache_index_and_filter_blocks=true", options, StringComparison.Ordinal);
        }
        finally
        {
            store.Close();
        }
    }

    [Fact]
    public void A_foreach_left_early_disposes_its_native_iterator_and_the_read_can_be_enumerated_again()
    {
        PutStrings("a", "b", "c");
        var range = Store.Range(S("a"), S("c"));

        foreach (var _ in range)
        {
            Assert.Equal(1, Rocks.OpenEnumeratorCount);
            break;
        }

        Assert.Equal(0, Rocks.OpenEnumeratorCount);
        Assert.Equal(Hex(S("a")), Convert.ToHexString(range.First().Key));
        Assert.True(range.Any());
        Assert.Equal(3, range.Count());
        Assert.Equal(0, Rocks.OpenEnumeratorCount);
    }

    [Fact]
    public void A_foreach_that_throws_disposes_its_native_iterator()
    {
        PutStrings("a", "b");

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var _ in Store.All())
            {
                throw new InvalidOperationException("the loop body failed");
            }
        });

        Assert.Equal(0, Rocks.OpenEnumeratorCount);
    }

    [Fact]
    public void Close_closes_open_passes()
    {
        PutStrings("a", "b", "c");
        var untouched = Store.All().GetEnumerator();
        var started = Store.Range(S("a"), S("c")).GetEnumerator();
        Assert.True(started.MoveNext());
        Assert.Equal(2, Rocks.OpenEnumeratorCount);

        Store.Close();

        Assert.Equal(0, Rocks.OpenEnumeratorCount);
        Assert.Throws<InvalidOperationException>(() => started.MoveNext());
        Assert.Throws<InvalidOperationException>(() => untouched.PeekNextKey());
        started.Dispose();
        untouched.Dispose();
    }

    [Fact]
    public void Disposing_a_pass_stops_tracking_it()
    {
        PutStrings("a");
        var all = Store.All();
        Assert.Equal(0, Rocks.OpenEnumeratorCount);
        var pass = all.GetEnumerator();
        Assert.Equal(1, Rocks.OpenEnumeratorCount);

        pass.Dispose();
        pass.Dispose();

        Assert.Equal(0, Rocks.OpenEnumeratorCount);
        Assert.Throws<InvalidOperationException>(() => pass.MoveNext());
    }

    [Fact]
    public void A_second_store_cannot_open_the_same_database()
    {
        _ = Store;
        var clash = new RocksDbKeyValueStore("store");
        Assert.Throws<StreamsException>(() => clash.Init(Context, clash));
        Assert.False(clash.IsOpen);
    }

    [Fact]
    public void ApproximateNumEntries_estimates_flushed_data()
    {
        for (var i = 0; i < 500; i++)
        {
            Store.Put(BitConverter.GetBytes(i), [1]);
        }

        Store.Flush();

        Assert.Equal(500, Store.ApproximateNumEntries);
    }
}
