using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// Stream-table joins: each stream record looks up the table's current row for its key; only stream records produce
/// output, with their own timestamp.
/// </summary>
public class StreamTableJoinTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    private static Topology Build(bool left, Func<IKStream<string, string>, IKStream<string, string>>? shape = null)
    {
        var builder = new StreamsBuilder();
        var stream = builder.Stream("orders", Strings);
        stream = shape?.Invoke(stream) ?? stream;
        var table = builder.Table("customers", Strings);
        var joined = left
            ? stream.LeftJoin(table, (order, customer) => order + "/" + (customer ?? "none"))
            : stream.Join(table, (order, customer) => order + "/" + customer);
        joined.To("out", Produced.With(Serdes.String(), Serdes.String()));
        return builder.Build();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Inner_join_outputs_only_records_with_a_row_and_table_updates_alone_produce_nothing(int partitions)
    {
        using var driver = DslTestSupport.Driver(Build(left: false), ("orders", partitions), ("customers", partitions));
        var orders = driver.CreateInputTopic("orders", Serdes.String(), Serdes.String());
        var customers = driver.CreateInputTopic("customers", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());

        orders.PipeInput("alice", "o1", 10);
        customers.PipeInput("alice", "Alice", 20);
        Assert.Empty(output.ReadAll());

        orders.PipeInput("alice", "o2", 15);
        customers.PipeInput("alice", "Alice B.", 30);
        orders.PipeInput("bob", "o3", 40);
        customers.PipeInput("alice", null!, 50);
        orders.PipeInput("alice", "o4", 60);

        // The out-of-order record (15 after 20) still joins with the current row and keeps its own timestamp.
        Assert.Equal([("alice", "o2/Alice", 15L)], output.ReadAll());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Left_join_passes_null_for_an_absent_or_deleted_row(int partitions)
    {
        using var driver = DslTestSupport.Driver(Build(left: true), ("orders", partitions), ("customers", partitions));
        var orders = driver.CreateInputTopic("orders", Serdes.String(), Serdes.String());
        var customers = driver.CreateInputTopic("customers", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());

        orders.PipeInput("alice", "o1", 10);
        customers.PipeInput("alice", "Alice", 20);
        orders.PipeInput("alice", "o2", 30);
        customers.PipeInput("alice", null!, 40);
        orders.PipeInput("alice", "o3", 50);

        Assert.Equal([("alice", "o1/none", 10L), ("alice", "o2/Alice", 30L), ("alice", "o3/none", 50L)], output.ReadAll());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Records_with_a_null_value_are_dropped_and_one_without_a_key_joins_only_a_left_join(bool left)
    {
        // As Kafka Streams (KIP-962): a record without a key has no row, which a left join passes on as null.
        using var driver = new TopologyTestDriver(Build(left));
        var orders = driver.CreateInputTopic("orders", Serdes.String(), Serdes.String());
        driver.CreateInputTopic("customers", Serdes.String(), Serdes.String()).PipeInput("alice", "Alice", 1);

        orders.PipeInput(null!, "o1", 10);
        orders.PipeInput("alice", null!, 20);

        Assert.Equal(left ? [(null!, "o1/none", 10L)] : [], driver.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll());
        Assert.Equal(left ? 1 : 2, driver.DroppedRecords());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_join_after_a_key_change_repartitions_the_stream_first(int partitions)
    {
        // Orders are keyed by order id; the customer is in the value.
        var topology = Build(left: false, s => s.SelectKey((_, v) => v.Split(':')[0]).MapValues(v => v.Split(':')[1]));
        using var driver = DslTestSupport.Driver(topology, ("orders", partitions), ("customers", partitions));
        var orders = driver.CreateInputTopic("orders", Serdes.String(), Serdes.String());
        driver.CreateInputTopic("customers", Serdes.String(), Serdes.String()).PipeInput("alice", "Alice", 1);

        for (var i = 0; i < 4; i++)
        {
            orders.PipeInput(new TestRecord<string, string>("order-" + i, "alice:o" + i, 10 + i, Partition: i % partitions));
        }

        Assert.Contains("test-driver-KSTREAM-MAPVALUES-0000000002-repartition", driver.ProducedTopicNames);
        Assert.Equal(
            [("alice", "o0/Alice", 10L), ("alice", "o1/Alice", 11L), ("alice", "o2/Alice", 12L), ("alice", "o3/Alice", 13L)],
            driver.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_re_keyed_stream_joined_with_two_tables_goes_through_one_repartition_topic(int partitions)
    {
        // As Kafka Streams' repartitionForJoin: unnamed joins of one stream share the repartition named after it.
        var builder = new StreamsBuilder();
        var byCustomer = builder.Stream("orders", Strings).SelectKey((_, v) => v.Split(':')[0]).MapValues(v => v.Split(':')[1]);
        var customers = builder.Table("customers", Strings);
        var regions = builder.Table("regions", Strings);
        byCustomer.Join(customers, (order, customer) => order + "/" + customer).To("named", Produced.With(Serdes.String(), Serdes.String()));
        byCustomer.Join(regions, (order, region) => order + "@" + region).To("placed", Produced.With(Serdes.String(), Serdes.String()));
        var topology = builder.Build();
        using var driver = DslTestSupport.Driver(topology, ("orders", partitions), ("customers", partitions), ("regions", partitions));
        driver.CreateInputTopic("customers", Serdes.String(), Serdes.String()).PipeInput("alice", "Alice", 1);
        driver.CreateInputTopic("regions", Serdes.String(), Serdes.String()).PipeInput("alice", "EU", 1);

        driver.CreateInputTopic("orders", Serdes.String(), Serdes.String()).PipeInput("order-1", "alice:o1", 10);

        var description = topology.Describe().ToString();
        Assert.Single(description.Split('\n'), line => line.Contains("Source:", StringComparison.Ordinal) && line.Contains("-repartition]", StringComparison.Ordinal));
        Assert.Equal([("alice", "o1/Alice", 10L)], driver.CreateOutputTopic("named", Serdes.String(), Serdes.String()).ReadAll());
        Assert.Equal([("alice", "o1@EU", 10L)], driver.CreateOutputTopic("placed", Serdes.String(), Serdes.String()).ReadAll());
    }

    [Fact]
    public void A_named_join_after_an_unnamed_one_repartitions_to_its_own_topic_and_a_later_unnamed_join_shares_it()
    {
        var builder = new StreamsBuilder();
        var byValue = builder.Stream("orders", Strings).SelectKey((_, v) => v);
        var table = builder.Table("customers", Strings);
        byValue.Join(table, (o, c) => o + c).To("first");
        byValue.Join(table, (o, c) => o + c, Joined.As<string, string, string>("enrich")).To("second");
        byValue.Join(table, (o, c) => o + c).To("third");

        // Kafka Streams shares the latest repartition a join of the stream made, whatever its name; the names of the
        // repartition each join would have made are drawn (5-7, 10-12, 15-17).
        var description = builder.Build().Describe().ToString();
        Assert.Contains("Source: KSTREAM-SOURCE-0000000007 (topics: [KSTREAM-KEY-SELECT-0000000001-repartition])", description, StringComparison.Ordinal);
        Assert.Contains("Source: enrich-repartition-source (topics: [enrich-repartition])\n      --> KSTREAM-JOIN-0000000018, enrich\n", description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_join_names_its_repartition_topic_and_node()
    {
        var builder = new StreamsBuilder();
        var table = builder.Table("customers", Strings);
        builder.Stream("orders", Strings)
            .SelectKey((_, v) => v)
            .Join(table, (o, c) => o + c, Joined.As<string, string, string>("enrich"))
            .To("out");
        using var driver = new TopologyTestDriver(builder.Build());

        driver.CreateInputTopic("orders", Serdes.String(), Serdes.String()).PipeInput("k", "alice", 1);

        Assert.Contains("test-driver-enrich-repartition", driver.ProducedTopicNames);
        Assert.Contains("Processor: enrich (stores: [customers-STATE-STORE-0000000000])", builder.Build().Describe().ToString());
    }

    [Fact]
    public void A_filtered_table_is_read_through_its_parents_store()
    {
        var builder = new StreamsBuilder();
        var vips = builder.Table("customers", Strings).Filter((_, v) => v.StartsWith("VIP", StringComparison.Ordinal));
        builder.Stream("orders", Strings).Join(vips.MapValues(v => v[4..]), (o, c) => o + "/" + c).To("out");
        using var driver = new TopologyTestDriver(builder.Build());
        var customers = driver.CreateInputTopic("customers", Serdes.String(), Serdes.String());
        var orders = driver.CreateInputTopic("orders", Serdes.String(), Serdes.String());

        customers.PipeInput("alice", "VIP Alice", 1);
        customers.PipeInput("bob", "Bob", 2);
        orders.PipeInput("alice", "o1", 3);
        orders.PipeInput("bob", "o2", 4);

        Assert.Equal([("alice", "o1/Alice", 3L)], driver.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll());
    }

    [Fact]
    public void Joined_topics_with_different_partition_counts_fail_at_construction_naming_both()
    {
        var error = Assert.Throws<Errors.TopologyException>(
            () => DslTestSupport.Driver(Build(left: false), ("orders", 2), ("customers", 3)));

        Assert.Contains("'orders' has 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'customers' has 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_prints_a_stream_table_join_as_Kafka_Streams_does()
    {
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [orders])\n" +
            "      --> KSTREAM-JOIN-0000000004\n" +
            "    Processor: KSTREAM-JOIN-0000000004 (stores: [customers-STATE-STORE-0000000001])\n" +
            "      --> KSTREAM-SINK-0000000005\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Source: KSTREAM-SOURCE-0000000002 (topics: [customers])\n" +
            "      --> KTABLE-SOURCE-0000000003\n" +
            "    Sink: KSTREAM-SINK-0000000005 (topic: out)\n" +
            "      <-- KSTREAM-JOIN-0000000004\n" +
            "    Processor: KTABLE-SOURCE-0000000003 (stores: [customers-STATE-STORE-0000000001])\n" +
            "      --> none\n" +
            "      <-- KSTREAM-SOURCE-0000000002\n\n",
            Build(left: false).Describe().ToString());
    }
}
