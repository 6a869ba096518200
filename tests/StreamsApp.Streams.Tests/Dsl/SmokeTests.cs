using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

public class SmokeTests
{
    [Fact]
    public void Filter_map_count()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()))
            .Filter((_, v) => v.Length > 1)
            .GroupByKey()
            .Count(materialized: Materialized.As<string, long>(Stores.InMemoryKeyValueStore("counts")))
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        var topology = builder.Build();
        var text = topology.Describe().ToString();
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64());
        input.PipeInput("a", "xx");
        input.PipeInput("a", "x");
        input.PipeInput("a", "yy");
        input.PipeInput("b", "yy");
        Assert.Equal([KeyValue.Pair("a", 1L), KeyValue.Pair("a", 2L), KeyValue.Pair("b", 1L)], output.ReadKeyValuesToList());
        Assert.Equal(2L, driver.GetKeyValueStore<string, long>("counts").Get("a"));
        Assert.Contains("KSTREAM-AGGREGATE-0000000002", text);
    }
}
