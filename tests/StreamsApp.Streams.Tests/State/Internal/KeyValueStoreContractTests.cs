using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Tests.State.Internal;

/// <summary>The behaviour every byte-level key-value store shares; one derived class per backend.</summary>
public abstract class KeyValueStoreContractTests : IDisposable
{
    private IKeyValueStore<byte[], byte[]>? _store;

    protected TestStateStoreContext Context { get; } = new();

    protected IKeyValueStore<byte[], byte[]> Store => _store ??= Open("store");

    protected abstract IKeyValueStore<byte[], byte[]> CreateStore(string name);

    protected IKeyValueStore<byte[], byte[]> Open(string name)
    {
        var store = CreateStore(name);
        store.Init(Context, store);
        return store;
    }

    protected static byte[] S(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    protected static List<string> Keys(IKeyValueEnumerable<byte[], byte[]> entries)
    {
        var keys = new List<string>();
        foreach (var entry in entries)
        {
            keys.Add(Convert.ToHexString(entry.Key));
        }

        return keys;
    }

    protected static string Hex(params byte[] bytes) => Convert.ToHexString(bytes);

    protected void PutStrings(params string[] keys)
    {
        foreach (var key in keys)
        {
            Store.Put(S(key), S("v-" + key));
        }
    }

    [Fact]
    public void Put_then_get_returns_the_value_and_a_second_put_overwrites()
    {
        Store.Put(S("k"), S("one"));
        Assert.True(Store.TryGet(S("k"), out var first));
        Assert.Equal("one", Text(first));

        Store.Put(S("k"), S("two"));
        Assert.Equal("two", Text(Store.Get(S("k"))!));
        Assert.Equal([Hex(S("k"))], Keys(Store.All()));
    }

    [Fact]
    public void Get_of_a_missing_key_returns_false_and_null()
    {
        Assert.False(Store.TryGet(S("missing"), out _));
        Assert.Null(Store.Get(S("missing")));
    }

    [Fact]
    public void Delete_returns_the_old_value_and_removes_the_key()
    {
        Store.Put(S("k"), S("v"));

        Assert.True(Store.Delete(S("k"), out var old));
        Assert.Equal("v", Text(old));
        Assert.False(Store.TryGet(S("k"), out _));
        Assert.False(Store.Delete(S("k"), out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Put_with_a_null_value_deletes_the_key()
    {
        Store.Put(S("k"), S("v"));
        Store.Put(S("k"), null!);

        Assert.False(Store.TryGet(S("k"), out _));
        Assert.Empty(Keys(Store.All()));
    }

    [Fact]
    public void PutIfAbsent_inserts_only_when_the_key_is_absent()
    {
        Assert.True(Store.PutIfAbsent(S("k"), S("first"), out var none));
        Assert.Null(none);

        Assert.False(Store.PutIfAbsent(S("k"), S("second"), out var existing));
        Assert.Equal("first", Text(existing));
        Assert.Equal("first", Text(Store.Get(S("k"))!));
    }

    [Fact]
    public void PutAll_writes_every_entry_in_order_and_null_values_delete()
    {
        Store.Put(S("gone"), S("x"));
        Store.PutAll(
        [
            KeyValue.Pair(S("a"), S("1")),
            KeyValue.Pair(S("b"), S("2")),
            KeyValue.Pair(S("a"), S("3")),
            KeyValue.Pair(S("gone"), (byte[])null!),
        ]);

        Assert.Equal("3", Text(Store.Get(S("a"))!));
        Assert.Equal("2", Text(Store.Get(S("b"))!));
        Assert.Null(Store.Get(S("gone")));
    }

    [Fact]
    public void All_orders_keys_by_unsigned_bytes_and_a_prefix_before_its_extensions()
    {
        byte[][] keys = [[0x80], [0x7F], [0xFF], [0x00], [0x7F, 0x00], S("ab"), S("a"), S("b"), [0x80, 0x00]];
        foreach (var key in keys)
        {
            Store.Put(key, [1]);
        }

        string[] expected =
            [Hex(0x00), Hex(S("a")), Hex(S("ab")), Hex(S("b")), Hex(0x7F), Hex(0x7F, 0x00), Hex(0x80), Hex(0x80, 0x00), Hex(0xFF)];
        Assert.Equal(expected, Keys(Store.All()));
        Assert.Equal(expected.Reverse(), Keys(Store.ReverseAll()));
    }

    [Fact]
    public void All_returns_values_with_their_keys()
    {
        PutStrings("a", "b");
        var entries = Store.All().Select(e => (Text(e.Key), Text(e.Value))).ToList();
        Assert.Equal([("a", "v-a"), ("b", "v-b")], entries);
    }

    [Fact]
    public void Range_includes_both_bounds()
    {
        PutStrings("a", "b", "c", "d", "e");
        Assert.Equal([Hex(S("b")), Hex(S("c")), Hex(S("d"))], Keys(Store.Range(S("b"), S("d"))));
        Assert.Equal([Hex(S("c"))], Keys(Store.Range(S("c"), S("c"))));
    }

    [Fact]
    public void Range_bounds_need_not_be_keys()
    {
        PutStrings("a", "b", "c", "d");
        Assert.Equal([Hex(S("b")), Hex(S("c"))], Keys(Store.Range(S("aa"), S("cc"))));
        Assert.Equal([Hex(S("a")), Hex(S("b"))], Keys(Store.Range(S(""), S("b"))));
        Assert.Empty(Keys(Store.Range(S("bb"), S("bc"))));
    }

    [Fact]
    public void Range_null_bounds_are_open()
    {
        PutStrings("a", "b", "c");
        Assert.Equal([Hex(S("a")), Hex(S("b"))], Keys(Store.Range(null, S("b"))));
        Assert.Equal([Hex(S("b")), Hex(S("c"))], Keys(Store.Range(S("b"), null)));
        Assert.Equal(3, Keys(Store.Range(null, null)).Count);
    }

    [Fact]
    public void Range_outside_the_keys_is_empty()
    {
        PutStrings("b", "c");
        Assert.Empty(Keys(Store.Range(S("d"), null)));
        Assert.Empty(Keys(Store.Range(null, S("a"))));
        Assert.Empty(Keys(Store.ReverseRange(S("d"), null)));
        Assert.Empty(Keys(Store.ReverseRange(null, S("a"))));
    }

    [Fact]
    public void Range_on_an_empty_store_is_empty()
    {
        Assert.Empty(Keys(Store.Range(S("a"), S("z"))));
        Assert.Empty(Keys(Store.ReverseAll()));
    }

    [Fact]
    public void ReverseRange_is_inclusive_and_descending()
    {
        PutStrings("a", "b", "c", "d", "e");
        Assert.Equal([Hex(S("d")), Hex(S("c")), Hex(S("b"))], Keys(Store.ReverseRange(S("b"), S("d"))));
        Assert.Equal([Hex(S("c")), Hex(S("b"))], Keys(Store.ReverseRange(S("aa"), S("cc"))));
        Assert.Equal([Hex(S("b")), Hex(S("a"))], Keys(Store.ReverseRange(null, S("b"))));
        Assert.Equal([Hex(S("e")), Hex(S("d"))], Keys(Store.ReverseRange(S("d"), null)));
    }

    [Fact]
    public void Range_with_from_above_to_is_empty()
    {
        PutStrings("a", "b", "c");
        Assert.Empty(Keys(Store.Range(S("c"), S("a"))));
        Assert.Empty(Keys(Store.ReverseRange(S("c"), S("a"))));
    }

    [Fact]
    public void PrefixScan_returns_the_keys_starting_with_the_serialized_prefix()
    {
        PutStrings("a", "aa", "ab", "abc", "abd", "ac", "b", "ab\u007f");
        Store.Put([0x61, 0x62, 0xFF], [1]);

        Assert.Equal(
            [Hex(S("ab")), Hex(S("abc")), Hex(S("abd")), Hex(S("ab\u007f")), Hex(0x61, 0x62, 0xFF)],
            Keys(Store.PrefixScan("ab", Serializers.Utf8)));
        Assert.Empty(Keys(Store.PrefixScan("x", Serializers.Utf8)));
        Assert.Equal(9, Keys(Store.PrefixScan(string.Empty, Serializers.Utf8)).Count);
    }

    [Fact]
    public void PrefixScan_handles_prefixes_ending_in_0xFF()
    {
        byte[][] keys = [[0x01, 0xFE, 0xFF], [0x01, 0xFF], [0x01, 0xFF, 0x00], [0x01, 0xFF, 0xFF], [0x02], [0xFF], [0xFF, 0x01]];
        foreach (var key in keys)
        {
            Store.Put(key, [1]);
        }

        Assert.Equal(
            [Hex(0x01, 0xFF), Hex(0x01, 0xFF, 0x00), Hex(0x01, 0xFF, 0xFF)],
            Keys(Store.PrefixScan<byte[]>([0x01, 0xFF], Serializers.ByteArray)));
        Assert.Equal([Hex(0xFF), Hex(0xFF, 0x01)], Keys(Store.PrefixScan<byte[]>([0xFF], Serializers.ByteArray)));
    }

    [Fact]
    public void PeekNextKey_returns_the_next_key_without_moving()
    {
        PutStrings("a", "b");
        using var pass = Store.All().GetEnumerator();

        Assert.Equal("a", Text(pass.PeekNextKey()));
        Assert.Equal("a", Text(pass.PeekNextKey()));
        Assert.True(pass.MoveNext());
        Assert.Equal("a", Text(pass.Current.Key));
        Assert.Equal("b", Text(pass.PeekNextKey()));
        Assert.True(pass.MoveNext());
        Assert.Throws<InvalidOperationException>(() => pass.PeekNextKey());
        Assert.False(pass.MoveNext());
    }

    [Fact]
    public void Current_before_MoveNext_throws()
    {
        PutStrings("a");
        using var pass = Store.All().GetEnumerator();
        Assert.Throws<InvalidOperationException>(() => pass.Current);
    }

    [Fact]
    public void ApproximateNumEntries_counts_distinct_keys()
    {
        Assert.Equal(0, Store.ApproximateNumEntries);
        PutStrings("a", "b", "c");
        Assert.Equal(3, Store.ApproximateNumEntries);
        Store.Delete(S("b"), out _);
        Assert.Equal(2, Store.ApproximateNumEntries);
    }

    [Fact]
    public void Init_registers_the_store_with_a_restore_callback()
    {
        var store = Store;
        var registration = Assert.Single(Context.Registrations);
        Assert.Same(store, registration.Store);
        Assert.True(store.IsOpen);
    }

    [Fact]
    public void Restore_batch_applies_puts_and_deletes_in_order()
    {
        Store.Put(S("old"), S("x"));
        Context.RestoreCallback.RestoreBatch(
        [
            new ChangelogRecord(S("a"), S("1"), 0),
            new ChangelogRecord(S("b"), S("2"), 0),
            new ChangelogRecord(S("a"), null, 0),
            new ChangelogRecord(S("c"), S("3"), 0),
            new ChangelogRecord(S("b"), S("4"), 0),
            new ChangelogRecord(S("old"), null, 0),
        ]);

        Assert.Equal([Hex(S("b")), Hex(S("c"))], Keys(Store.All()));
        Assert.Equal("4", Text(Store.Get(S("b"))!));
        Assert.Equal("3", Text(Store.Get(S("c"))!));
    }

    [Fact]
    public void Null_keys_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Store.TryGet(null!, out _));
        Assert.Throws<ArgumentNullException>(() => Store.Put(null!, S("v")));
        Assert.Throws<ArgumentNullException>(() => Store.PutIfAbsent(null!, S("v"), out _));
        Assert.Throws<ArgumentNullException>(() => Store.Delete(null!, out _));
        Assert.Throws<ArgumentNullException>(() => Store.PutAll([KeyValue.Pair((byte[])null!, S("v"))]));
        Assert.Throws<ArgumentNullException>(() => Store.PrefixScan<string>(null!, Serializers.Utf8));
        Assert.Throws<ArgumentNullException>(
            () => Context.RestoreCallback.RestoreBatch([new ChangelogRecord(null!, S("v"), 0)]));
    }

    [Fact]
    public void A_pass_does_not_see_writes_made_after_it_opened_and_the_next_pass_does()
    {
        PutStrings("a", "b", "c");
        var all = Store.All();
        using var pass = all.GetEnumerator();

        Store.Delete(S("b"), out _);
        Store.Put(S("bb"), S("new"));
        Store.Put(S("c"), S("changed"));

        Assert.Equal([("a", "v-a"), ("b", "v-b"), ("c", "v-c")], pass.Rest().Select(e => (Text(e.Key), Text(e.Value))));
        Assert.Equal([("a", "v-a"), ("bb", "new"), ("c", "changed")], all.Select(e => (Text(e.Key), Text(e.Value))));
    }

    [Fact]
    public async Task Passes_stay_ordered_and_do_not_throw_while_another_thread_writes()
    {
        for (var i = 0; i < 200; i++)
        {
            Store.Put(BitConverter.GetBytes(i * 2), [1]);
        }

        using var stop = new CancellationTokenSource();
        using var writerStarted = new ManualResetEventSlim();
        long writes = 0;
        var writer = Task.Run(() =>
        {
            // Inserts and deletes odd keys between the even ones until the reader is done.
            while (!stop.IsCancellationRequested)
            {
                var key = BitConverter.GetBytes((int)((writes % 200 * 2) + 1));
                Store.Put(key, [2]);
                Store.Delete(key, out _);
                Interlocked.Increment(ref writes);
                writerStarted.Set();
            }
        });

        try
        {
            Assert.True(writerStarted.Wait(TimeSpan.FromSeconds(30)));

            // Read until the writer has provably run alongside for many writes, not for a fixed time.
            var passes = 0;
            while ((passes < 50 || Interlocked.Read(ref writes) < 20_000) && !writer.IsCompleted)
            {
                byte[]? previous = null;
                var evenKeys = 0;
                foreach (var (key, _) in Store.All())
                {
                    Assert.True(previous is null || key.AsSpan().SequenceCompareTo(previous) > 0);
                    previous = key;
                    evenKeys += BitConverter.ToInt32(key) % 2 == 0 ? 1 : 0;
                }

                Assert.Equal(200, evenKeys);
                passes++;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }
    }

    [Fact]
    public void Operations_after_close_throw()
    {
        var store = Store;
        store.Flush();
        store.Close();

        Assert.False(store.IsOpen);
        Assert.Throws<InvalidOperationException>(() => store.Put(S("k"), S("v")));
        Assert.Throws<InvalidOperationException>(() => store.TryGet(S("k"), out _));
        Assert.Throws<InvalidOperationException>(() => store.All().GetEnumerator());
        Assert.Throws<InvalidOperationException>(() => store.Range(S("b"), S("a")).GetEnumerator());
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store?.Close();
            Context.Dispose();
        }
    }
}
