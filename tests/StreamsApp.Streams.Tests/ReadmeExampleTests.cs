using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests;

/// <summary>Keeps README's first-topology example true: the same code, run, with the result README states.</summary>
public sealed class ReadmeExampleTests
{
    private sealed record Order(string CustomerId, decimal Total);

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
        Assert.Equal(2, topology.Describe().Subtopologies.Count);
    }
}
