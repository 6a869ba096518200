using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.State;

/// <summary>Reads through the metered layer with string keys, for every backend with and without a cache.</summary>
public sealed class StoreQueryTests
{
    public static TheoryData<bool, bool> Backends => new() { { false, false }, { false, true }, { true, false }, { true, true } };

    [Theory]
    [MemberData(nameof(Backends))]
    public void PrefixScan_returns_the_keys_whose_serialized_form_starts_with_the_prefix(bool persistent, bool caching)
    {
        using var driver = Driver(persistent, caching, "put user:1 a; put user:2 b; put usex c; put use d; put user e; put v f; put user:10 g");
        var store = driver.GetKeyValueStore<string, string>("s");

        Assert.Equal("user:1=a user:10=g user:2=b", Scan(store, "user:"));
        Assert.Equal("user=e user:1=a user:10=g user:2=b", Scan(store, "user"));
        Assert.Equal("use=d user=e user:1=a user:10=g user:2=b usex=c", Scan(store, "use"));
        Assert.Equal(string.Empty, Scan(store, "w"));
        Assert.Equal(CachingStoreTests.Pairs(store.All()), Scan(store, string.Empty));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Range_bounds_are_inclusive_open_when_null_and_empty_when_inverted(bool persistent, bool caching)
    {
        using var driver = Driver(persistent, caching, "put d 4; put b 2; put e 5; put a 1; put c 3");
        var store = driver.GetKeyValueStore<string, string>("s");

        Assert.Equal("b=2 c=3 d=4", CachingStoreTests.Pairs(store.Range("b", "d")));
        Assert.Equal("d=4 c=3 b=2", CachingStoreTests.Pairs(store.ReverseRange("b", "d")));
        Assert.Equal("c=3", CachingStoreTests.Pairs(store.Range("bb", "cc")));
        Assert.Equal("a=1 b=2", CachingStoreTests.Pairs(store.Range(null, "b")));
        Assert.Equal("e=5 d=4", CachingStoreTests.Pairs(store.ReverseRange("d", null)));
        Assert.Equal(string.Empty, CachingStoreTests.Pairs(store.Range("d", "b")));
        Assert.Equal(string.Empty, CachingStoreTests.Pairs(store.ReverseRange("d", "b")));
        Assert.Equal("a=1 b=2 c=3 d=4 e=5", CachingStoreTests.Pairs(store.All()));
        Assert.Equal("e=5 d=4 c=3 b=2 a=1", CachingStoreTests.Pairs(store.ReverseAll()));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_pass_keeps_reading_what_was_there_while_more_records_are_piped(bool persistent, bool caching)
    {
        using var driver = Driver(persistent, caching, "put a 1; put b 2; put c 3");
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var store = driver.GetKeyValueStore<string, string>("s");
        using var pass = store.All().GetEnumerator();
        Assert.True(pass.MoveNext());
        Assert.Equal("a", pass.Current.Key);

        input.PipeInput("r", "put bb 22; delete b; put c 33; put d 4");

        Assert.Equal("b", pass.PeekNextKey());
        Assert.Equal("b=2 c=3", CachingStoreTests.Pairs(pass.Rest()));
        Assert.Equal("a=1 bb=22 c=33 d=4", CachingStoreTests.Pairs(store.All()));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_null_key_is_rejected_with_an_argument_null_exception_naming_the_store(bool persistent, bool caching)
    {
        using var driver = Driver(persistent, caching, "put a 1");
        var store = driver.GetKeyValueStore<string, string>("s");

        foreach (var operation in new Action[]
                 {
                     () => store.Put(null!, "v"),
                     () => store.Get(null!),
                     () => store.Delete(null!, out _),
                     () => store.PutIfAbsent(null!, "v", out _),
                     () => store.PutAll([new KeyValue<string, string>("ok", "v"), new KeyValue<string, string>(null!, "v")]),
                 })
        {
            var exception = Assert.Throws<ArgumentNullException>(operation);
            Assert.Equal("key", exception.ParamName);
            Assert.Contains("null key", exception.Message, StringComparison.Ordinal);
            Assert.Contains("'s'", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_processor_putting_a_null_key_fails_the_record_with_the_argument_null_exception_inside()
    {
        var topology = With(KeyValue("s", caching: true), (store, record, _) => store.Put(record.Key, record.Value));
        using var driver = new TopologyTestDriver(topology, Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());

        var exception = Assert.Throws<FailedProcessingException>(() => input.PipeInput(null!, "v"));

        var inner = Assert.IsType<ArgumentNullException>(exception.InnerException);
        Assert.Equal("key", inner.ParamName);
        Assert.Contains("null key", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, driver.GetKeyValueStore<string, string>("s").ApproximateNumEntries);
    }

    internal static TopologyTestDriver Driver(bool persistent, bool caching, string script)
    {
        var driver = new TopologyTestDriver(Scripted(KeyValue("s", caching, persistent: persistent)), Config());
        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", script);
        return driver;
    }

    private static string Scan(IKeyValueStore<string, string> store, string prefix) =>
        CachingStoreTests.Pairs(store.PrefixScan(prefix, Serdes.String().Serializer));
}
