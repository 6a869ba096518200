using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests;

/// <summary>Keeps README's first-topology example true: the same code, run, with the result README states.</summary>
public sealed class ReadmeExampleTests
{
    private sealed record Order(string CustomerId, decimal Total);

    private sealed record Customer(string Name);

    private sealed record EnrichedOrder(Order Order, Customer Customer);

    [Fact]
    public void The_readme_topology_counts_orders_per_customer()
    {
        var builder = new StreamsBuilder();
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.Json<Order>()))
            .Filter((_, order) => order.Total > 0)
            .GroupBy((_, order) => order.CustomerId, Grouped.With(Serdes.String(), Serdes.Json<Order>()))
            .Count(materialized: Materialized.As<string, long>("orders-per-customer"))
            .ToStream()
            .To("orders-per-customer", Produced.With(Serdes.String(), Serdes.Int64()));
        var topology = builder.Build();

        using var driver = new TopologyTestDriver(topology, options: new TopologyTestDriverOptions { TopicPartitions = { ["orders"] = 3 } });
        var orders = driver.CreateInputTopic("orders", Serdes.String(), Serdes.Json<Order>());
        var counts = driver.CreateOutputTopic("orders-per-customer", Serdes.String(), Serdes.Int64());
        orders.PipeInput("o-1", new Order("c-1", 10m));
        orders.PipeInput("o-2", new Order("c-1", 0m));
        orders.PipeInput("o-3", new Order("c-1", 5m));

        Assert.Equal([KeyValue.Pair("c-1", 1L), KeyValue.Pair("c-1", 2L)], counts.ReadKeyValuesToList());
        Assert.Equal([KeyValue.Pair("c-1", 2L)], driver.GetKeyValueStore<string, long>("orders-per-customer").All());
        Assert.Equal(2, topology.Describe().Subtopologies.Count);
    }

    [Fact]
    public void The_readme_window_and_join_example_emits_one_final_count_per_closed_window()
    {
        var builder = new StreamsBuilder();
        var customers = builder.Table("customers", Consumed.With(Serdes.String(), Serdes.Json<Customer>()));
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.Json<Order>()))
            .Join(customers, (order, customer) => new EnrichedOrder(order, customer))
            .GroupByKey(Grouped.With(Serdes.String(), Serdes.Json<EnrichedOrder>()))
            .WindowedBy(TimeWindows.OfSizeAndGrace(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)))
            .Count()
            .Suppress(Suppressed.UntilWindowCloses<Windowed<string>>(BufferConfig.Unbounded()))
            .ToStream()
            .To("orders-per-customer-per-hour", Produced.With(WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.FromHours(1)), Serdes.Int64()));

        using var driver = new TopologyTestDriver(builder.Build());
        var customerTopic = driver.CreateInputTopic("customers", Serdes.String(), Serdes.Json<Customer>());
        var orders = driver.CreateInputTopic("orders", Serdes.String(), Serdes.Json<Order>());
        var counts = driver.CreateOutputTopic(
            "orders-per-customer-per-hour", WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.FromHours(1)), Serdes.Int64());
        const long hour = 3_600_000;
        customerTopic.PipeInput("c-1", new Customer("Ada"), 0);
        orders.PipeInput("c-1", new Order("c-1", 10m), 10);
        orders.PipeInput("c-1", new Order("c-1", 20m), 20);
        orders.PipeInput("c-2", new Order("c-2", 5m), 30); // no such customer: the inner join drops it
        Assert.True(counts.IsEmpty); // the window [0, 1h) is still open

        orders.PipeInput("c-1", new Order("c-1", 1m), hour + (6 * 60_000)); // stream time passes window end + grace

        var final = Assert.Single(counts.ReadKeyValuesToList());
        Assert.Equal(new Windowed<string>("c-1", new TimeWindow(0, hour)), final.Key);
        Assert.Equal(2L, final.Value);
    }

    [Fact]
    public async Task The_readme_runtime_example_counts_on_the_embedded_cluster()
    {
        var builder = new StreamsBuilder();
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.Json<Order>()))
            .GroupBy((_, order) => order.CustomerId, Grouped.With(Serdes.String(), Serdes.Json<Order>()))
            .Count(materialized: Materialized.As<string, long>("orders-per-customer"))
            .ToStream()
            .To("orders-per-customer", Produced.With(Serdes.String(), Serdes.Int64()));
        var topology = builder.Build();
        using var stateDir = new Runtime.KafkaTestKit.TempDir();

        await using var cluster = EmbeddedKafkaCluster.Start(new() { Topics = [new("orders", 3), new("orders-per-customer", 3)] });
        var config = new StreamsConfig
        {
            ApplicationId = "orders-app",
            BootstrapServers = cluster.BootstrapServers,        // or a real cluster
            NumStreamThreads = 2,
            KafkaProperties = { ["session.timeout.ms"] = "6000" }, // any librdkafka client property
            StateDir = stateDir.Path,
        };
        await using var streams = new KafkaStreams(topology, config, new KafkaStreamsOptions { TopicAdmin = cluster.CreateTopicAdmin() });
        await streams.StartAsync();   // checks topics, creates internal ones, restores state, joins the group

        Runtime.KafkaTestKit.Produce(cluster, "orders", [("o-1", """{"CustomerId":"c-1","Total":10}"""), ("o-2", """{"CustomerId":"c-1","Total":5}""")]);
        var counts = Runtime.KafkaTestKit.ReadUntil(cluster, "orders-per-customer", r => r.Count > 0 && Runtime.KafkaTestKit.Int64(r[^1].Message.Value) == 2);
        Assert.Equal("c-1", System.Text.Encoding.UTF8.GetString(counts[^1].Message.Key));
        Assert.Equal(KafkaStreamsState.Running, streams.State);
    }
}
