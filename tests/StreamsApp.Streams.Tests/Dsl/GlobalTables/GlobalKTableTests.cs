using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;
using StreamsApp.Streams.State.Internal.Caching;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.GlobalTables;

/// <summary>
/// Global tables and global stores: fully replicated, updated as soon as their topic gets a record, readable from
/// every task without co-partitioning, and described as Kafka Streams describes them.
/// </summary>
public class GlobalKTableTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    private static Topology EnrichOrders(bool left)
    {
        var builder = new StreamsBuilder();
        var products = builder.GlobalTable("products", Strings, Materialized.As<string, string>("products-store"));
        var orders = builder.Stream("orders", Strings);

        // The order's value is "<product>:<quantity>"; the product id selects the global row.
        var joined = left
            ? orders.LeftJoin(products, (_, v) => v.Split(':')[0], (order, product) => order + "=" + (product ?? "?"))
            : orders.Join(products, (_, v) => v.Split(':')[0], (order, product) => order + "=" + product);
        joined.To("out");
        return builder.Build();
    }

    [Theory]
    [InlineData(false, 1, 1)]
    [InlineData(false, 2, 3)]
    [InlineData(true, 3, 2)]
    public void Stream_records_join_the_global_row_their_key_selector_picks_whatever_the_partition_counts(
        bool left, int orderPartitions, int productPartitions)
    {
        using var driver = DslTestSupport.Driver(EnrichOrders(left), ("orders", orderPartitions), ("products", productPartitions));
        var products = driver.CreateInputTopic("products", Serdes.String(), Serdes.String());
        var orders = driver.CreateInputTopic("orders", Serdes.String(), Serdes.String());

        products.PipeInput("p1", "apple", 1);
        orders.PipeInput("o1", "p1:2", 10);
        orders.PipeInput("o2", "p2:1", 11);
        products.PipeInput(new TestRecord<string, string>("p2", "pear", 12, Partition: productPartitions - 1));
        orders.PipeInput("o3", "p2:5", 5);
        products.PipeInput("p1", null!, 13);
        orders.PipeInput("o4", "p1:1", 14);

        var output = driver.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll();
        Assert.Equal(
            left
                ? [("o1", "p1:2=apple", 10L), ("o2", "p2:1=?", 11L), ("o3", "p2:5=pear", 5L), ("o4", "p1:1=?", 14L)]
                : [("o1", "p1:2=apple", 10L), ("o3", "p2:5=pear", 5L)],
            output);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_stream_record_without_a_key_joins_the_global_row_its_key_selector_picks(bool left)
    {
        // The selector reads the value, so the record has a lookup key (KIP-962: only a null lookup key fails a join).
        using var driver = new TopologyTestDriver(EnrichOrders(left));
        driver.CreateInputTopic("products", Serdes.String(), Serdes.String()).PipeInput("p1", "apple", 1);

        driver.CreateInputTopic("orders", Serdes.String(), Serdes.String()).PipeInput(null!, "p1:2", 10);

        Assert.Equal([(null!, "p1:2=apple", 10L)], driver.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll());
    }

    [Fact]
    public void The_global_store_is_queryable_from_the_driver_and_has_no_changelog()
    {
        var builder = new StreamsBuilder();
        var table = builder.GlobalTable("products", Strings, Materialized.As<string, string>("products-store"));
        using var driver = DslTestSupport.Driver(builder.Build(), ("products", 3));
        var products = driver.CreateInputTopic("products", Serdes.String(), Serdes.String());

        products.PipeInput(new TestRecord<string, string>("p1", "apple", 1, Partition: 2));
        products.PipeInput(new TestRecord<string, string>("p2", "pear", 2, Partition: 0));
        products.PipeInput(new TestRecord<string, string>("p1", "green apple", 3, Partition: 2));

        Assert.Equal("products-store", table.QueryableStoreName);
        var store = driver.GetKeyValueStore<string, string>("products-store");
        Assert.Equal([KeyValue.Pair("p1", "green apple"), KeyValue.Pair("p2", "pear")], store.Contents());
        Assert.Empty(driver.ProducedTopicNames);
    }

    [Fact]
    public void A_global_store_has_no_caching_layer_as_the_global_thread_writes_it_while_stream_threads_read_it()
    {
        var builder = new StreamsBuilder();
        builder.GlobalTable("products", Strings, Materialized.As<string, string>("products-store"));

        var store = builder.Build().Builder.Stores["products-store"].Builder.Build();

        Assert.IsNotType<CachingKeyValueStore>(((MeteredTimestampedKeyValueStore<string, string>)store).Inner);
    }

    [Fact]
    public void A_global_store_added_with_the_Processor_API_is_readable_from_any_processor_without_connecting()
    {
        var topology = Topology.Create()
            .AddGlobalStore(
                Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("rates"), Serdes.String(), Serdes.Int32()).WithLoggingDisabled(),
                "rates-source", Serdes.String(), Serdes.Int32(), "rates", "rates-updater", () => new StoreWriter("rates"))
            .AddSource("prices-source", Serdes.String(), Serdes.Int32(), "prices")
            .AddProcessor("convert", () => new Converter("rates"), "prices-source")
            .AddSink("out-sink", "out", Serdes.String(), Serdes.Int32(), "convert");
        using var driver = DslTestSupport.Driver(topology, ("prices", 2), ("rates", 5));
        var rates = driver.CreateInputTopic("rates", Serdes.String(), Serdes.Int32());
        var prices = driver.CreateInputTopic("prices", Serdes.String(), Serdes.Int32());

        rates.PipeInput("EUR", 2, 1);
        prices.PipeInput(new TestRecord<string, int>("EUR", 10, 2, Partition: 0));
        rates.PipeInput("EUR", 3, 3);
        prices.PipeInput(new TestRecord<string, int>("EUR", 10, 4, Partition: 1));

        Assert.Equal([("EUR", 20, 2L), ("EUR", 30, 4L)], driver.CreateOutputTopic("out", Serdes.String(), Serdes.Int32()).ReadAll());
        Assert.Equal(3, driver.GetKeyValueStore<string, int>("rates").Get("EUR"));
    }

    [Fact]
    public void A_global_store_must_not_be_logged_nor_connected_to_a_task_processor()
    {
        var logged = Assert.Throws<TopologyException>(() => Topology.Create().AddGlobalStore(
            Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("rates"), Serdes.String(), Serdes.Int32()),
            "rates-source", Serdes.String(), Serdes.Int32(), "rates", "rates-updater", () => new StoreWriter("rates")));
        Assert.Contains("logging disabled", logged.Message, StringComparison.Ordinal);

        var topology = Topology.Create()
            .AddGlobalStore(
                Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("rates"), Serdes.String(), Serdes.Int32()).WithLoggingDisabled(),
                "rates-source", Serdes.String(), Serdes.Int32(), "rates", "rates-updater", () => new StoreWriter("rates"))
            .AddSource("prices-source", Serdes.String(), Serdes.Int32(), "prices")
            .AddProcessor("convert", () => new Converter("rates"), "prices-source");
        var connected = Assert.Throws<TopologyException>(() => topology.ConnectProcessorAndStateStores("convert", "rates"));
        Assert.Contains("without being connected", connected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_prints_a_global_table_as_Kafka_Streams_does()
    {
        var builder = new StreamsBuilder();
        builder.GlobalTable("globalTopic", Strings);

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0 for global store (will not generate tasks)\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [globalTopic])\n" +
            "      --> KTABLE-SOURCE-0000000002\n" +
            "    Processor: KTABLE-SOURCE-0000000002 (stores: [globalTopic-STATE-STORE-0000000000])\n" +
            "      --> none\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Describe_numbers_global_stores_among_sub_topologies_and_the_join_uses_no_store()
    {
        var builder = new StreamsBuilder();
        var stations = builder.GlobalTable("stations", Strings);
        builder.Stream("temperatures", Strings).LeftJoin(stations, (k, _) => k, (t, s) => t + s).To("out");

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0 for global store (will not generate tasks)\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [stations])\n" +
            "      --> KTABLE-SOURCE-0000000002\n" +
            "    Processor: KTABLE-SOURCE-0000000002 (stores: [stations-STATE-STORE-0000000000])\n" +
            "      --> none\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n" +
            "  Sub-topology: 1\n" +
            "    Source: KSTREAM-SOURCE-0000000003 (topics: [temperatures])\n" +
            "      --> KSTREAM-LEFTJOIN-0000000004\n" +
            "    Processor: KSTREAM-LEFTJOIN-0000000004 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000005\n" +
            "      <-- KSTREAM-SOURCE-0000000003\n" +
            "    Sink: KSTREAM-SINK-0000000005 (topic: out)\n" +
            "      <-- KSTREAM-LEFTJOIN-0000000004\n\n",
            builder.Build().Describe().ToString());
    }

    /// <summary>Keeps the global store equal to its topic.</summary>
    private sealed class StoreWriter(string storeName) : IProcessor<string, int, string, int>
    {
        private IKeyValueStore<string, int>? _store;

        public void Init(IProcessorContext<string, int> context) => _store = context.GetStateStore<IKeyValueStore<string, int>>(storeName);

        public void Process(Record<string, int> record) => _store!.Put(record.Key, record.Value);
    }

    /// <summary>Multiplies each price by the global rate of its currency.</summary>
    private sealed class Converter(string storeName) : IProcessor<string, int, string, int>
    {
        private IProcessorContext<string, int>? _context;
        private IKeyValueStore<string, int>? _rates;

        public void Init(IProcessorContext<string, int> context)
        {
            _context = context;
            _rates = context.GetStateStore<IKeyValueStore<string, int>>(storeName);
        }

        public void Process(Record<string, int> record) =>
            _context!.Forward(record.WithValue(record.Value * _rates!.Get(record.Key)));
    }
}
