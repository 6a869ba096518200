using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.RocksDb;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.State;

/// <summary>
/// Store reads as enumerables (decision 0028) through every layer a topology assembles (metered, caching,
/// change-logging, RocksDB or in memory): each enumeration is a fresh pass over the store as it then is, and a pass
/// left early (a <c>break</c>, <c>First</c>, <c>Any</c>) is disposed, so no native iterator stays open.
/// </summary>
public sealed class StoreEnumerationTests
{
    public static TheoryData<bool, bool> Backends => StoreQueryTests.Backends;

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_read_a_processor_keeps_is_a_fresh_pass_on_every_record_and_First_leaves_nothing_open(bool persistent, bool caching)
    {
        IKeyValueEnumerable<string, string>? fromB = null;
        var topology = With(
            KeyValue("s", caching, persistent: persistent),
            (store, record, context) =>
            {
                store.Put(record.Key, record.Value);
                var first = fromB!.FirstOrDefault().Key ?? "none";
                context.Forward(record.WithValue($"{first}/{fromB!.Count()}"));
            },
            (store, _) => fromB = store.Range("b", null));
        using var driver = new TopologyTestDriver(topology, Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());

        foreach (var key in new[] { "a", "c", "b", "d" })
        {
            input.PipeInput(key, "v");
        }

        Assert.Equal(["none/0", "c/1", "b/2", "b/3"], driver.CreateOutputTopic(Output, Serdes.String(), Serdes.String()).ReadValuesToList());
        AssertNoNativeIteratorOpen(driver, persistent);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void The_drivers_store_reads_anew_at_each_enumeration_and_a_foreach_left_early_leaves_nothing_open(bool persistent, bool caching)
    {
        using var driver = StoreQueryTests.Driver(persistent, caching, "put a 1; put b 2");
        var store = driver.GetKeyValueStore<string, string>("s");
        var all = store.All();
        Assert.Equal("a=1 b=2", CachingStoreTests.Pairs(all));

        driver.CreateInputTopic(Input, Serdes.String(), Serdes.String()).PipeInput("r", "put c 3; delete a");
        foreach (var (key, _) in all)
        {
            Assert.Equal("b", key);
            break;
        }

        Assert.Equal("b=2 c=3", CachingStoreTests.Pairs(all));
        AssertNoNativeIteratorOpen(driver, persistent);
    }

    [Fact]
    public void A_windowed_aggregations_store_reads_anew_at_each_enumeration()
    {
        var builder = new StreamsBuilder();
        builder.Stream(Input, Consumed.With(Serdes.String(), Serdes.String()))
            .GroupByKey()
            .WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMilliseconds(10)))
            .Count(materialized: Materialized.As<string, long>("counts"));
        using var driver = new TopologyTestDriver(builder.Build(), Config());
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        var counts = driver.GetTimestampedWindowStore<string, long>("counts").FetchAll(0, 100);

        input.PipeInput("a", "x", 1);
        Assert.Equal([("a", 0L, 1L)], counts.Select(e => (e.Key.Key, e.Key.Window.StartMs, e.Value.Value)));

        input.PipeInput("a", "x", 2);
        input.PipeInput("b", "x", 12);
        Assert.Equal([("a", 0L, 2L), ("b", 10L, 1L)], counts.Select(e => (e.Key.Key, e.Key.Window.StartMs, e.Value.Value)));
    }

    private static void AssertNoNativeIteratorOpen(TopologyTestDriver driver, bool persistent)
    {
        if (persistent)
        {
            var rocks = Assert.IsType<RocksDbKeyValueStore>(CachingStoreTests.Innermost(driver.GetKeyValueStore<string, string>("s")));
            Assert.Equal(0, rocks.OpenEnumeratorCount);
        }
    }
}
