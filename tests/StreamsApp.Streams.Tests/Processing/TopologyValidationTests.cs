using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>Mistakes in a Processor API topology are reported when the node is added, naming the problem.</summary>
public sealed class TopologyValidationTests
{
    private static Func<IProcessor<string, string, string, string>> PassThrough => TestTopologies.Observing((_, _) => { });

    private static Topology SourceOnly() => Topology.Create().AddSource("source", Serdes.String(), Serdes.String(), "input");

    private static void AssertRejected(Action add, params string[] mentioned)
    {
        var error = Assert.Throws<TopologyException>(add);
        Assert.StartsWith("Invalid topology: ", error.Message, StringComparison.Ordinal);
        foreach (var text in mentioned)
        {
            Assert.Contains(text, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Duplicate_node_names_are_rejected_whatever_the_node_kind()
    {
        var topology = SourceOnly()
            .AddProcessor("processor", PassThrough, "source")
            .AddSink("sink", "output", Serdes.String(), Serdes.String(), "processor");

        AssertRejected(() => topology.AddSource("source", Serdes.String(), Serdes.String(), "other"), "'source'", "already exists");
        AssertRejected(() => topology.AddProcessor("processor", PassThrough, "source"), "'processor'", "already exists");
        AssertRejected(() => topology.AddSink("sink", "other", Serdes.String(), Serdes.String(), "source"), "'sink'", "already exists");
        AssertRejected(() => topology.AddProcessor("sink", PassThrough, "source"), "'sink'", "already exists");
    }

    [Fact]
    public void An_unknown_parent_is_rejected_naming_it()
    {
        AssertRejected(() => SourceOnly().AddProcessor("processor", PassThrough, "missing"), "'missing'");
        AssertRejected(() => SourceOnly().AddSink("sink", "output", Serdes.String(), Serdes.String(), "missing"), "'missing'");
        AssertRejected(() => SourceOnly().AddProcessor("self", PassThrough, "self"), "'self'");
    }

    [Fact]
    public void A_sink_cannot_be_a_parent()
    {
        var topology = SourceOnly().AddSink("sink", "output", Serdes.String(), Serdes.String(), "source");

        AssertRejected(() => topology.AddProcessor("processor", PassThrough, "sink"), "sink 'sink'", "'processor'");
        AssertRejected(() => topology.AddSink("sink-2", "other", Serdes.String(), Serdes.String(), "sink"), "sink 'sink'", "'sink-2'");
    }

    [Fact]
    public void Processors_and_sinks_need_a_parent()
    {
        AssertRejected(() => SourceOnly().AddProcessor("orphan", PassThrough), "'orphan'", "parent");
        AssertRejected(() => SourceOnly().AddSink("orphan-sink", "output", Serdes.String(), Serdes.String()), "'orphan-sink'", "parent");
    }

    [Fact]
    public void A_child_whose_input_types_differ_from_its_parent_output_is_rejected_naming_both_and_the_types()
    {
        var topology = SourceOnly()
            .AddProcessor("length", () => new LambdaProcessor<string, string, string, int>(
                (context, record) => context.Forward(record.WithValue(record.Value.Length))), "source");

        AssertRejected(
            () => topology.AddProcessor("upper", PassThrough, "length"),
            "'upper'", "<String, String>", "'length'", "<String, Int32>");
        AssertRejected(
            () => topology.AddSink("sink", "output", Serdes.String(), Serdes.Int64(), "length"),
            "'sink'", "<String, Int64>", "'length'", "<String, Int32>");
    }

    [Fact]
    public void A_topic_read_by_two_sources_is_rejected_naming_the_topic_and_its_reader()
    {
        AssertRejected(() => SourceOnly().AddSource("second", Serdes.String(), Serdes.String(), "other", "input"), "'input'", "'source'");
        AssertRejected(() => Topology.Create().AddSource("twice", Serdes.String(), Serdes.String(), "input", "input"), "'input'");
    }

    [Fact]
    public void A_topic_read_by_a_stream_and_a_table_in_the_dsl_is_rejected()
    {
        // Two streams of one topic share a source (StreamSourceSharingTests); a table's source is its own.
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()));

        AssertRejected(() => builder.Table("input", Consumed.With(Serdes.String(), Serdes.String())), "'input'");
    }

    [Fact]
    public void A_source_must_read_a_topic()
    {
        AssertRejected(() => Topology.Create().AddSource("source", Serdes.String(), Serdes.String()), "'source'");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("t\u00f6pic")]
    [InlineData(".")]
    [InlineData("..")]
    public void Invalid_topic_names_are_rejected_for_sources_and_sinks(string topic)
    {
        AssertRejected(() => Topology.Create().AddSource("source", Serdes.String(), Serdes.String(), topic), $"'{topic}'", "topic name");
        AssertRejected(() => SourceOnly().AddSink("sink", topic, Serdes.String(), Serdes.String(), "source"), $"'{topic}'", "topic name");
    }

    [Fact]
    public void Topic_names_are_limited_to_249_characters()
    {
        var longest = new string('t', 249);
        SourceOnly().AddSink("sink", longest, Serdes.String(), Serdes.String(), "source");

        AssertRejected(() => SourceOnly().AddSink("sink", longest + "t", Serdes.String(), Serdes.String(), "source"), "topic name");
    }

    [Fact]
    public void A_rejected_node_leaves_the_topology_unchanged()
    {
        var topology = SourceOnly();
        Assert.Throws<TopologyException>(() => topology.AddProcessor("processor", PassThrough, "missing"));
        Assert.Throws<TopologyException>(() => topology.AddSource("other", Serdes.String(), Serdes.String(), "fine", "bad topic"));
        Assert.Throws<TopologyException>(() => topology.AddSource("dup", Serdes.String(), Serdes.String(), "again", "again"));

        topology.AddProcessor("processor", PassThrough, "source")
            .AddSource("other", Serdes.String(), Serdes.String(), "fine")
            .AddSource("dup", Serdes.String(), Serdes.String(), "again");

        var names = topology.Describe().Subtopologies.SelectMany(s => s.Nodes).Select(n => n.Name);
        Assert.Equal(["dup", "other", "processor", "source"], names.Order(StringComparer.Ordinal));
    }
}
