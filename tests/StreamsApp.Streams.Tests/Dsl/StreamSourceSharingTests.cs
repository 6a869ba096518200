using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>A topic read as a stream twice: one source node, as Kafka Streams merges duplicate sources.</summary>
public sealed class StreamSourceSharingTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void Both_streams_of_a_topic_read_twice_get_every_record_from_one_source_node()
    {
        var builder = new StreamsBuilder();
        builder.Stream("in", Strings).MapValues(v => v.ToUpperInvariant()).To("upper");
        builder.Stream("in", Strings).Filter((_, v) => v.Length > 1).To("long");
        var topology = builder.Build();
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("in", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 1);
        input.PipeInput("b", "yy", 2);

        Assert.Equal([("a", "X", 1L), ("b", "YY", 2L)], driver.CreateOutputTopic("upper", Serdes.String(), Serdes.String()).ReadAll());
        Assert.Equal([("b", "yy", 2L)], driver.CreateOutputTopic("long", Serdes.String(), Serdes.String()).ReadAll());
        // The second source's name is drawn and dropped, as there: the numbers after it are Kafka Streams' own.
        var description = topology.Describe().ToString();
        Assert.Contains("Source: KSTREAM-SOURCE-0000000000 (topics: [in])\n      --> KSTREAM-FILTER-0000000004, KSTREAM-MAPVALUES-0000000001", description, StringComparison.Ordinal);
        Assert.DoesNotContain("KSTREAM-SOURCE-0000000003", description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_read_again_as_other_types_or_among_other_topics_is_refused()
    {
        var builder = new StreamsBuilder();
        builder.Stream("in", Strings);

        var types = Assert.Throws<TopologyException>(() => builder.Stream("in", Consumed.With(Serdes.String(), Serdes.Int64())));
        Assert.Contains("already read by source 'KSTREAM-SOURCE-0000000000' as String keys and String values, not String and Int64", types.Message, StringComparison.Ordinal);
        Assert.Throws<TopologyException>(() => builder.Stream(["in", "other"], Strings));
        Assert.Throws<TopologyException>(() => builder.Table("in", Strings));
    }
}
