using StreamsApp.Streams.Errors;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;
using StreamsApp.Streams.State.Internal.Queries;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.State;

/// <summary>
/// Interactive-query ranges over several stores, read three entries a page, on every backend with and without a
/// cache: each page is one read of the stores, and the pages together are the whole range, in order, once.
/// </summary>
public sealed class PagedQueryTests : IDisposable
{
    private const int PageSize = 3;

    private readonly TopologyTestDriver _first;
    private readonly TopologyTestDriver _second;

    public PagedQueryTests()
    {
        _first = StoreQueryTests.Driver(persistent: false, caching: false, "put a0 0; put a1 1; put a2 2; put a3 3; put a4 4; put a5 5; put a6 6");
        _second = StoreQueryTests.Driver(persistent: false, caching: false, "put b0 0; put b1 1");
    }

    public static TheoryData<bool, bool> Backends => StoreQueryTests.Backends;

    [Theory]
    [MemberData(nameof(Backends))]
    public void Every_range_reads_each_store_in_turn_a_page_at_a_time(bool persistent, bool caching)
    {
        using var first = StoreQueryTests.Driver(persistent, caching, "put a0 0; put a1 1; put a2 2; put a3 3; put a4 4; put a5 5; put a6 6");
        var stores = new StoreList(first.GetKeyValueStore<string, string>("s"), _second.GetKeyValueStore<string, string>("s"));
        var view = Composite(stores);

        Assert.Equal("a0 a1 a2 a3 a4 a5 a6 b0 b1", Keys(view.All()));

        // The listing, then a 3+3+1 page split of the first store and a single page of the second.
        Assert.Equal(1 + 3 + 1, stores.Reads);
        Assert.Equal("a6 a5 a4 a3 a2 a1 a0 b1 b0", Keys(view.ReverseAll()));
        Assert.Equal("a2 a3 a4 a5", Keys(view.Range("a2", "a5")));
        Assert.Equal("a5 a4 a3 a2", Keys(view.ReverseRange("a2", "a5")));
        Assert.Equal("a0 a1 a2", Keys(view.Range(null, "a2")));
        Assert.Equal("b1 b0", Keys(view.ReverseRange("b", null)));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Writes_between_pages_show_after_the_last_key_read_and_no_entry_shows_twice(bool persistent, bool caching)
    {
        using var driver = StoreQueryTests.Driver(persistent, caching, "put a0 0; put a1 1; put a2 2; put a3 3; put a4 4; put a5 5; put a6 6");
        var store = driver.GetKeyValueStore<string, string>("s");
        using var pass = Composite(new StoreList(store)).All().GetEnumerator();
        var keys = new List<string>();
        for (var i = 0; i < PageSize; i++)
        {
            Assert.True(pass.MoveNext());
            keys.Add(pass.Current.Key);
        }

        // The first page read a3 to know where the next one starts.
        store.Delete("a3", out _);
        store.Put("a35", "new");
        store.Put("a0", "changed");
        keys.AddRange(pass.Rest().Select(e => e.Key));

        Assert.Equal(["a0", "a1", "a2", "a35", "a4", "a5", "a6"], keys);
    }

    [Fact]
    public void PeekNextKey_reads_the_next_page_and_the_next_store()
    {
        using var pass = Composite(new StoreList(_first.GetKeyValueStore<string, string>("s"), _second.GetKeyValueStore<string, string>("s"))).Range("a5", "b0").GetEnumerator();

        Assert.Equal("a5", pass.PeekNextKey());
        Assert.True(pass.MoveNext());
        Assert.True(pass.MoveNext());
        Assert.Equal("b0", pass.PeekNextKey());
        Assert.True(pass.MoveNext());
        Assert.Equal("b0", pass.Current.Key);
        Assert.False(pass.MoveNext());
        Assert.Throws<InvalidOperationException>(() => pass.PeekNextKey());
    }

    [Fact]
    public void A_store_gone_between_pages_ends_the_iteration_as_migrated()
    {
        var stores = new StoreList(_first.GetKeyValueStore<string, string>("s"), _second.GetKeyValueStore<string, string>("s"));
        using var pass = Composite(stores).All().GetEnumerator();
        Assert.True(pass.MoveNext());
        stores.Stores.RemoveAt(0);

        Assert.True(pass.MoveNext());
        Assert.True(pass.MoveNext());
        Assert.Equal("a2", pass.Current.Key);
        var error = Assert.Throws<StateStoreMigratedException>(() => pass.MoveNext());
        Assert.Contains("'s'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_is_read_when_enumerated_and_each_enumeration_lists_and_reads_the_stores_again()
    {
        var stores = new StoreList(_second.GetKeyValueStore<string, string>("s"));
        var range = Composite(stores).Range("b", null);
        Assert.Equal(0, stores.Reads);

        Assert.Equal("b0 b1", Keys(range));
        Assert.Equal(1 + 1, stores.Reads);

        stores.Stores.Insert(0, _first.GetKeyValueStore<string, string>("s"));
        _second.GetKeyValueStore<string, string>("s").Put("b2", "2");
        Assert.Equal("b0 b1 b2", Keys(range));
        Assert.Equal(2 + 1 + 1 + 1, stores.Reads);
    }

    [Fact]
    public void Value_type_keys_without_an_open_bound_read_all_in_one_page_each()
    {
        var stores = new StoreList(new LongKeys("l", [1, 2, 3, 4, 5]));
        var view = new CompositeReadOnlyKeyValueStore<long, string>(stores, store => (IReadOnlyKeyValueStore<long, string>)store, PageSize);

        Assert.Equal([1L, 2, 3, 4, 5], view.All().Select(e => e.Key));
        Assert.Equal(1 + 1, stores.Reads);
        Assert.Equal([5L, 4, 3, 2, 1], view.ReverseRange(1, 5).Select(e => e.Key));
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private static CompositeReadOnlyKeyValueStore<string, string> Composite(StoreList stores) =>
        new(stores, store => (IReadOnlyKeyValueStore<string, string>)store, PageSize);

    private static string Keys(IEnumerable<KeyValue<string, string>> entries) => string.Join(' ', entries.Select(e => e.Key));

    /// <summary>Stores read in list order on the calling thread; counts the reads.</summary>
    private sealed class StoreList(params IStateStore[] stores) : IQueryableStoreProvider
    {
        public List<IStateStore> Stores { get; } = [.. stores];

        public int Reads { get; private set; }

        public List<T> Read<T>(Func<IStateStore, T> read)
        {
            Reads++;
            return [.. Stores.Select(read)];
        }
    }

    /// <summary>A read-only store with <see cref="long"/> keys in numeric order, whose open bounds cannot be null.</summary>
    private sealed class LongKeys(string name, long[] keys) : IStateStore, IReadOnlyKeyValueStore<long, string>
    {
        public string Name => name;

        public bool Persistent => false;

        public bool IsOpen => true;

        public long ApproximateNumEntries => keys.Length;

        public void Init(IStateStoreContext context, IStateStore root) => throw new NotSupportedException();

        public void Flush()
        {
        }

        public void Close()
        {
        }

        public bool TryGet(long key, out string value)
        {
            value = key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return keys.Contains(key);
        }

        public IKeyValueEnumerable<long, string> Range(long from, long to) => Iterate(keys.Where(k => k >= from && k <= to));

        public IKeyValueEnumerable<long, string> ReverseRange(long from, long to) => Iterate(keys.Where(k => k >= from && k <= to).Reverse());

        public IKeyValueEnumerable<long, string> All() => Iterate(keys);

        public IKeyValueEnumerable<long, string> ReverseAll() => Iterate(keys.Reverse());

        public IKeyValueEnumerable<long, string> PrefixScan<TPrefix>(TPrefix prefix, Confluent.Kafka.ISerializer<TPrefix> prefixSerializer) =>
            throw new NotSupportedException();

        private static DeferredKeyValueEnumerable<long, string> Iterate(IEnumerable<long> selected)
        {
            var entries = selected.Select(k => new KeyValue<long, string>(k, k.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
            return new(() => new ArrayKeyValueEnumerator<long, string>(entries, entries.Length));
        }
    }
}
