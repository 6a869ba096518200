using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>Adding stores to a Processor API topology, connecting them, and reaching them from processors.</summary>
public sealed class StateStoreAccessTests
{
    /// <summary>Counts records per key in the store and forwards the new count.</summary>
    private static Func<IProcessor<string, string, string, long>> Counter(string storeName) => () =>
    {
        IKeyValueStore<string, long>? store = null;
        return new LambdaProcessor<string, string, string, long>(
            (context, record) =>
            {
                var count = (store!.TryGet(record.Key, out var current) ? current : 0) + 1;
                store.Put(record.Key, count);
                context.Forward(record.WithValue(count));
            },
            init: context => store = context.GetStateStore<IKeyValueStore<string, long>>(storeName));
    };

    private static Topology CountingTopology(Func<IProcessor<string, string, string, long>> processor) =>
        Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("counter", processor, "source")
            .AddSink("sink", "output", Serdes.String(), Serdes.Int64(), "counter");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_connected_store_is_read_and_written_by_its_processor(bool persistent)
    {
        var supplier = persistent ? Stores.PersistentKeyValueStore("counts") : Stores.InMemoryKeyValueStore("counts");
        var topology = CountingTopology(Counter("counts"))
            .AddStateStore(Stores.KeyValueStoreBuilder(supplier, Serdes.String(), Serdes.Int64()), "counter");
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64());

        input.PipeInput("a", "x");
        input.PipeInput("b", "x");
        input.PipeInput("a", "x");

        Assert.Equal([KeyValue.Pair("a", 1L), KeyValue.Pair("b", 1L), KeyValue.Pair("a", 2L)], output.ReadKeyValuesToList());
        var store = driver.GetKeyValueStore<string, long>("counts");
        Assert.Equal(persistent, store.Persistent);
        Assert.Equal(2L, store.Get("a"));
        Assert.Equal(1L, store.Get("b"));
        var changelog = driver.CreateOutputTopic("test-driver-counts-changelog", Serdes.String(), Serdes.Int64());
        Assert.Equal([KeyValue.Pair("a", 1L), KeyValue.Pair("b", 1L), KeyValue.Pair("a", 2L)], changelog.ReadKeyValuesToList());
    }

    [Fact]
    public void A_store_added_alone_is_usable_once_connected()
    {
        var topology = CountingTopology(Counter("counts"))
            .AddStateStore(Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Int64()))
            .ConnectProcessorAndStateStores("counter", "counts");
        using var driver = new TopologyTestDriver(topology);

        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("a", "x");

        Assert.Equal(1L, driver.GetKeyValueStore<string, long>("counts").Get("a"));
    }

    [Fact]
    public void Two_processors_connected_to_one_store_share_its_instance()
    {
        IKeyValueStore<string, string>? writerStore = null;
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("writer", () => new LambdaProcessor<string, string, string, string>(
                (context, record) =>
                {
                    writerStore!.Put(record.Key, record.Value);
                    context.Forward(record);
                },
                init: context => writerStore = context.GetStateStore<IKeyValueStore<string, string>>("latest")), "source")
            .AddProcessor("reader", () =>
            {
                IKeyValueStore<string, string>? store = null;
                return new LambdaProcessor<string, string, string, string>(
                    (context, record) => context.Forward(record.WithValue("stored=" + store!.Get(record.Key))),
                    init: context => store = context.GetStateStore<IKeyValueStore<string, string>>("latest"));
            }, "writer")
            .AddStateStore(Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("latest"), Serdes.String(), Serdes.String()), "writer", "reader")
            .AddSink("sink", "output", Serdes.String(), Serdes.String(), "reader");
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "v1");

        Assert.Equal("stored=v1", driver.CreateOutputTopic("output", Serdes.String(), Serdes.String()).ReadValue());
    }

    [Theory]
    [InlineData("counts")]
    [InlineData("no-such-store")]
    public void A_store_the_processor_is_not_connected_to_is_refused_naming_processor_and_store(string requested)
    {
        // "counts" exists and is connected to "counter" only; "bad" asks for it (or for a store nobody added).
        var topology = CountingTopology(Counter("counts"))
            .AddStateStore(Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Int64()), "counter")
            .AddProcessor("bad", Counter(requested), "source");

        var error = Assert.Throws<StreamsException>(() => new TopologyTestDriver(topology));

        Assert.Contains("'bad'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{requested}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_a_store_as_the_wrong_type_fails_naming_the_store()
    {
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("counter", Counter("names"), "source")
            .AddStateStore(Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("names"), Serdes.String(), Serdes.String()), "counter");

        var error = Assert.Throws<StreamsException>(() => new TopologyTestDriver(topology));

        Assert.Contains("'names'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Store_wiring_mistakes_are_topology_errors_naming_the_culprit()
    {
        var builder = Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Int64());
        var topology = CountingTopology(Counter("counts")).AddStateStore(builder, "counter");

        var duplicate = Assert.Throws<TopologyException>(() => topology.AddStateStore(builder));
        Assert.Contains("'counts'", duplicate.Message, StringComparison.Ordinal);

        var unknownStore = Assert.Throws<TopologyException>(() => topology.ConnectProcessorAndStateStores("counter", "missing"));
        Assert.Contains("'missing'", unknownStore.Message, StringComparison.Ordinal);

        var unknownProcessor = Assert.Throws<TopologyException>(() => topology.ConnectProcessorAndStateStores("ghost", "counts"));
        Assert.Contains("'ghost'", unknownProcessor.Message, StringComparison.Ordinal);

        var source = Assert.Throws<TopologyException>(() => topology.ConnectProcessorAndStateStores("source", "counts"));
        Assert.Contains("'source'", source.Message, StringComparison.Ordinal);

        var sink = Assert.Throws<TopologyException>(() => topology.ConnectProcessorAndStateStores("sink", "counts"));
        Assert.Contains("'sink'", sink.Message, StringComparison.Ordinal);
    }
}
