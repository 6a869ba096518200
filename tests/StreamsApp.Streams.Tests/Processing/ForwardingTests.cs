using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>Forwarding to every child, to one named child, with new keys, timestamps and any number of records.</summary>
public sealed class ForwardingTests
{
    private static Topology Router(Action<IProcessorContext<string, string>, Record<string, string>> route) =>
        Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("router", () => new LambdaProcessor<string, string, string, string>(route), "source")
            .AddSink("even-sink", "even", Serdes.String(), Serdes.String(), "router")
            .AddSink("odd-sink", "odd", Serdes.String(), Serdes.String(), "router");

    [Fact]
    public void Forward_without_a_child_name_reaches_every_child()
    {
        using var driver = new TopologyTestDriver(Router((context, record) => context.Forward(record)));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var even = driver.CreateOutputTopic("even", Serdes.String(), Serdes.String());
        var odd = driver.CreateOutputTopic("odd", Serdes.String(), Serdes.String());

        input.PipeInput("k", "1");
        input.PipeInput("k", "2");

        Assert.Equal(["1", "2"], even.ReadValuesToList());
        Assert.Equal(["1", "2"], odd.ReadValuesToList());
    }

    [Fact]
    public void Forward_to_a_named_child_reaches_only_that_child()
    {
        using var driver = new TopologyTestDriver(Router((context, record) =>
            context.Forward(record, int.Parse(record.Value, System.Globalization.CultureInfo.InvariantCulture) % 2 == 0 ? "even-sink" : "odd-sink")));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var even = driver.CreateOutputTopic("even", Serdes.String(), Serdes.String());
        var odd = driver.CreateOutputTopic("odd", Serdes.String(), Serdes.String());

        input.PipeValueList(["1", "2", "3", "4"]);

        Assert.Equal(["2", "4"], even.ReadValuesToList());
        Assert.Equal(["1", "3"], odd.ReadValuesToList());
    }

    [Theory]
    [InlineData("no-such-node")]
    [InlineData("source")]
    public void Forward_to_a_name_that_is_not_a_child_fails_naming_processor_and_child(string childName)
    {
        using var driver = new TopologyTestDriver(Router((context, record) => context.Forward(record, childName)));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        var error = Assert.Throws<FailedProcessingException>(() => input.PipeInput("k", "v"));

        Assert.Equal("router", error.Context.ProcessorNodeId);
        var cause = Assert.IsType<StreamsException>(error.InnerException);
        Assert.Contains("'router'", cause.Message, StringComparison.Ordinal);
        Assert.Contains($"'{childName}'", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_processor_may_change_the_key_type_and_forward_any_number_of_records()
    {
        // Splits "a b c" into one record per word, keyed by the word's length.
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("splitter", () => new LambdaProcessor<string, string, int, string>((context, record) =>
            {
                foreach (var word in record.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    context.Forward(record.With(word.Length, word));
                }
            }), "source")
            .AddSink("sink", "output", Serdes.Int32(), Serdes.String(), "splitter");
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.Int32(), Serdes.String());

        input.PipeInput("line-1", "a bb ccc", 10);
        input.PipeInput("line-2", "", 11);
        input.PipeInput("line-3", "dddd", 12);

        var records = output.ReadRecordsToList();
        Assert.Equal([(1, "a", 10L), (2, "bb", 10L), (3, "ccc", 10L), (4, "dddd", 12L)], records.Select(r => (r.Key, r.Value, r.Timestamp!.Value)));
    }

    [Fact]
    public void A_forwarded_record_keeps_the_timestamp_the_processor_gives_it()
    {
        var topology = TestTopologies.Pipeline(() => new LambdaProcessor<string, string, string, string>(
            (context, record) => context.Forward(record with { Timestamp = record.Timestamp + 1000 })));
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());

        input.PipeInput("k", "v", 5);

        Assert.Equal(1005, output.ReadRecord().Timestamp);
    }

    [Fact]
    public void Children_receive_a_forwarded_record_before_forward_returns_in_the_order_they_were_added()
    {
        var order = new List<string>();
        Func<IProcessor<string, string, string, string>> Logging(string name) =>
            TestTopologies.Observing((_, record) => order.Add(name + ":" + record.Value));
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("parent", () => new LambdaProcessor<string, string, string, string>((context, record) =>
            {
                order.Add("before:" + record.Value);
                context.Forward(record);
                order.Add("after:" + record.Value);
            }), "source")
            .AddProcessor("second", Logging("second"), "parent")
            .AddProcessor("first", Logging("first"), "parent");
        using var driver = new TopologyTestDriver(topology);

        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("k", "v");

        Assert.Equal(["before:v", "second:v", "first:v", "after:v"], order);
    }
}
