using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>
/// <see cref="Topology.Describe"/> of Processor API topologies, in Kafka Streams' format: sub-topologies numbered by
/// sorted source name, processors sharing a store in one sub-topology, nodes ordered by sub-tree size then name.
/// </summary>
public sealed class ProcessorApiDescribeTests
{
    private static Func<IProcessor<string, string, string, string>> PassThrough => TestTopologies.Observing((_, _) => { });

    /// <summary>Orders and refunds both update "counts"; audit is independent. Added in an order that is not sorted.</summary>
    private static Topology Shop() =>
        Topology.Create()
            .AddSource("orders-source", Serdes.String(), Serdes.String(), "orders")
            .AddSource("refunds-source", Serdes.String(), Serdes.String(), "refunds")
            .AddProcessor("order-counter", PassThrough, "orders-source")
            .AddProcessor("refund-counter", PassThrough, "refunds-source")
            .AddStateStore(
                Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Int64()),
                "order-counter", "refund-counter")
            .AddSink("counts-sink", "counts-out", Serdes.String(), Serdes.String(), "order-counter", "refund-counter")
            .AddSource("audit-source", Serdes.String(), Serdes.String(), "audit")
            .AddProcessor("audit-log", PassThrough, "audit-source")
            .AddSink("audit-sink", "audit-out", Serdes.String(), Serdes.String(), "audit-log");

    [Fact]
    public void User_named_nodes_and_a_store_shared_by_two_processors_describe_as_kafka_streams_does()
    {
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: audit-source (topics: [audit])\n" +
            "      --> audit-log\n" +
            "    Processor: audit-log (stores: [])\n" +
            "      --> audit-sink\n" +
            "      <-- audit-source\n" +
            "    Sink: audit-sink (topic: audit-out)\n" +
            "      <-- audit-log\n" +
            "\n" +
            "  Sub-topology: 1\n" +
            "    Source: orders-source (topics: [orders])\n" +
            "      --> order-counter\n" +
            "    Source: refunds-source (topics: [refunds])\n" +
            "      --> refund-counter\n" +
            "    Processor: order-counter (stores: [counts])\n" +
            "      --> counts-sink\n" +
            "      <-- orders-source\n" +
            "    Processor: refund-counter (stores: [counts])\n" +
            "      --> counts-sink\n" +
            "      <-- refunds-source\n" +
            "    Sink: counts-sink (topic: counts-out)\n" +
            "      <-- order-counter, refund-counter\n" +
            "\n",
            Shop().Describe().ToString());
    }

    [Fact]
    public void The_structured_description_matches_the_text()
    {
        var description = Shop().Describe();

        Assert.Equal([0, 1], description.Subtopologies.Select(s => s.Id));
        var counter = description.Subtopologies[1].Nodes.Single(n => n.Name == "order-counter");
        Assert.Equal(TopologyDescription.NodeKind.Processor, counter.Kind);
        Assert.Equal(["counts"], counter.Stores);
        Assert.Equal(["counts-sink"], counter.Successors);
        Assert.Equal(["orders-source"], counter.Predecessors);
        var sink = description.Subtopologies[1].Nodes.Single(n => n.Name == "counts-sink");
        Assert.Equal(TopologyDescription.NodeKind.Sink, sink.Kind);
        Assert.Equal(["counts-out"], sink.Topics);
        Assert.Equal(["order-counter", "refund-counter"], sink.Predecessors);
    }

    [Fact]
    public void Task_ids_use_the_described_sub_topology_numbers()
    {
        var seen = new List<(string Topic, TaskId Task)>();
        var topology = Topology.Create()
            .AddSource("orders-source", Serdes.String(), Serdes.String(), "orders")
            .AddProcessor("orders-log", TestTopologies.Observing((c, _) => seen.Add(("orders", c.TaskId))), "orders-source")
            .AddSource("audit-source", Serdes.String(), Serdes.String(), "audit")
            .AddProcessor("audit-log", TestTopologies.Observing((c, _) => seen.Add(("audit", c.TaskId))), "audit-source");
        using var driver = new TopologyTestDriver(topology);

        driver.CreateInputTopic("orders", Serdes.String(), Serdes.String()).PipeInput("k", "v");
        driver.CreateInputTopic("audit", Serdes.String(), Serdes.String()).PipeInput("k", "v");

        Assert.Equal([("orders", new TaskId(1, 0)), ("audit", new TaskId(0, 0))], seen);
        Assert.StartsWith("Topologies:\n   Sub-topology: 0\n    Source: audit-source", topology.Describe().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wider_branch_is_listed_before_a_narrower_one_whatever_the_names()
    {
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("a-short", PassThrough, "source")
            .AddProcessor("z-long", PassThrough, "source")
            .AddProcessor("z-long-2", PassThrough, "z-long");

        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: source (topics: [input])\n" +
            "      --> z-long, a-short\n" +
            "    Processor: z-long (stores: [])\n" +
            "      --> z-long-2\n" +
            "      <-- source\n" +
            "    Processor: a-short (stores: [])\n" +
            "      --> none\n" +
            "      <-- source\n" +
            "    Processor: z-long-2 (stores: [])\n" +
            "      --> none\n" +
            "      <-- z-long\n" +
            "\n",
            topology.Describe().ToString());
    }

    [Fact]
    public void An_empty_topology_describes_as_just_the_header()
    {
        Assert.Equal("Topologies:\n ", Topology.Create().Describe().ToString());
    }
}
