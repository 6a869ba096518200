using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>Processor API processors inside the DSL: <c>Process</c> (may change keys) and <c>ProcessValues</c>, with stores.</summary>
public sealed class DslProcessTests
{
    private static IStoreBuilder<IStateStore> SeenStore() =>
        Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("seen"), Serdes.String(), Serdes.String());

    /// <summary>Forwards a value only the first time its key is seen, remembering keys in the "seen" store.</summary>
    private static LambdaFixedKeyProcessor<string, string, string> Deduplicator()
    {
        IKeyValueStore<string, string>? seen = null;
        return new LambdaFixedKeyProcessor<string, string, string>(
            (context, record) =>
            {
                if (seen!.PutIfAbsent(record.Key, record.Value, out _))
                {
                    context.Forward(record.WithValue(record.Value + " (first)"));
                }
            },
            init: context => seen = context.GetStateStore<IKeyValueStore<string, string>>("seen"));
    }

    [Fact]
    public void ProcessValues_uses_a_store_added_to_the_builder_and_keeps_keys()
    {
        var builder = new StreamsBuilder().AddStateStore(SeenStore());
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()))
            .ProcessValues(Deduplicator, Named.As("dedup"), "seen")
            .To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());

        input.PipeInput("a", "1");
        input.PipeInput("a", "2");
        input.PipeInput("b", "3");

        Assert.Equal([KeyValue.Pair("a", "1 (first)"), KeyValue.Pair("b", "3 (first)")], output.ReadKeyValuesToList());
        Assert.Equal("1", driver.GetKeyValueStore<string, string>("seen").Get("a"));
        Assert.Contains("Processor: dedup (stores: [seen])", builder.Build().Describe().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_processor_not_given_the_store_name_cannot_reach_it()
    {
        var builder = new StreamsBuilder().AddStateStore(SeenStore());
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()))
            .ProcessValues(Deduplicator, Named.As("dedup"))
            .To("output");

        var error = Assert.Throws<StreamsException>(() => new TopologyTestDriver(builder.Build()));

        Assert.Contains("'dedup'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'seen'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Naming_a_store_nobody_added_is_a_topology_error()
    {
        var stream = new StreamsBuilder().Stream("input", Consumed.With(Serdes.String(), Serdes.String()));

        var error = Assert.Throws<TopologyException>(() => stream.ProcessValues(Deduplicator, null, "missing"));

        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_changing_Process_before_an_aggregation_is_repartitioned_so_equal_new_keys_meet()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()))
            .Process(() => new LambdaProcessor<string, string, string, string>(
                (context, record) => context.Forward(record.WithKey(record.Value))), Named.As("rekey"))
            .GroupByKey(Grouped.With(Serdes.String(), Serdes.String()))
            .Count(materialized: Materialized.As<string, long>("counts").WithCachingDisabled())
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        var options = new TopologyTestDriverOptions();
        options.TopicPartitions["input"] = 2;
        using var driver = new TopologyTestDriver(builder.Build(), options: options);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64());

        // "a" and "d" are read by different tasks; both records get the new key "x".
        input.PipeInput("a", "x");
        input.PipeInput("d", "x");

        Assert.Equal([KeyValue.Pair("x", 1L), KeyValue.Pair("x", 2L)], output.ReadKeyValuesToList());
        Assert.Contains(driver.ProducedTopicNames, t => t == "test-driver-counts-repartition");
    }

    [Fact]
    public void ProcessValues_keeps_the_key_so_an_aggregation_after_it_needs_no_repartition()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()))
            .ProcessValues(() => new LambdaFixedKeyProcessor<string, string, string>(
                (context, record) => context.Forward(record.WithValue(record.Value.ToUpperInvariant()))))
            .GroupByKey()
            .Count(materialized: Materialized.As<string, long>("counts"));

        var description = builder.Build().Describe();

        Assert.Single(description.Subtopologies);
        Assert.DoesNotContain("repartition", description.ToString(), StringComparison.Ordinal);
    }
}
