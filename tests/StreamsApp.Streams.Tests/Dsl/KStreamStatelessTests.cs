using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>Record-at-a-time KStream operations: each output keeps the input record's timestamp.</summary>
public class KStreamStatelessTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void Filter_keeps_matching_records_and_FilterNot_keeps_the_rest()
    {
        var builder = new StreamsBuilder();
        var stream = builder.Stream("input", Strings);
        stream.Filter((k, v) => k == "a" || v.Length > 2).To("kept");
        stream.FilterNot((k, v) => k == "a" || v.Length > 2).To("dropped");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 10);
        input.PipeInput("b", "yyy", 20);
        input.PipeInput("c", "z", 30);

        Assert.Equal([("a", "x", 10L), ("b", "yyy", 20L)], Output(driver, "kept").ReadAll());
        Assert.Equal([("c", "z", 30L)], Output(driver, "dropped").ReadAll());
    }

    [Fact]
    public void Map_sets_new_keys_and_values_of_new_types()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .Map((k, v) => KeyValue.Pair(v, (long)k.Length))
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("abc", "x", 5);
        input.PipeInput("de", "y", 7);

        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64());
        Assert.Equal([("x", 3L, 5L), ("y", 2L, 7L)], output.ReadAll());
    }

    [Fact]
    public void MapValues_maps_the_value_alone_or_with_the_key()
    {
        var builder = new StreamsBuilder();
        var stream = builder.Stream("input", Strings);
        stream.MapValues(v => (long)v.Length).To("lengths", Produced.With(Serdes.String(), Serdes.Int64()));
        stream.MapValues((k, v) => k + ":" + v.ToUpperInvariant()).To("keyed");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "xyz", 1);
        input.PipeInput("b", "q", 2);

        var lengths = driver.CreateOutputTopic("lengths", Serdes.String(), Serdes.Int64());
        Assert.Equal([("a", 3L, 1L), ("b", 1L, 2L)], lengths.ReadAll());
        Assert.Equal([("a", "a:XYZ", 1L), ("b", "b:Q", 2L)], Output(driver, "keyed").ReadAll());
    }

    [Fact]
    public void FlatMap_emits_zero_or_more_records_each_with_the_input_timestamp()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .FlatMap((k, v) => v.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => KeyValue.Pair(w, k)))
            .To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("s1", "hello big world", 100);
        input.PipeInput("s2", "   ", 200);
        input.PipeInput("s3", "bye", 300);

        Assert.Equal(
            [("hello", "s1", 100L), ("big", "s1", 100L), ("world", "s1", 100L), ("bye", "s3", 300L)],
            Output(driver, "output").ReadAll());
    }

    [Fact]
    public void FlatMapValues_keeps_the_key_in_both_overloads()
    {
        var builder = new StreamsBuilder();
        var stream = builder.Stream("input", Strings);
        stream.FlatMapValues(v => v.ToCharArray().Select(c => c.ToString())).To("chars");
        stream.FlatMapValues((k, v) => Enumerable.Repeat(k, v.Length)).To("repeated");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "ab", 3);
        input.PipeInput("e", string.Empty, 4);

        Assert.Equal([("k", "a", 3L), ("k", "b", 3L)], Output(driver, "chars").ReadAll());
        Assert.Equal([("k", "k", 3L), ("k", "k", 3L)], Output(driver, "repeated").ReadAll());
    }

    [Fact]
    public void SelectKey_replaces_the_key_and_keeps_value_and_timestamp()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).SelectKey((k, v) => v + k).To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("1", "a", 42);

        Assert.Equal([("a1", "a", 42L)], Output(driver, "output").ReadAll());
    }

    [Fact]
    public void Peek_sees_each_record_and_passes_it_on_while_Foreach_ends_the_stream()
    {
        var peeked = new List<string>();
        var seen = new List<string>();
        var builder = new StreamsBuilder();
        var stream = builder.Stream("input", Strings);
        stream.Peek((k, v) => peeked.Add(k + "=" + v)).To("output");
        stream.Foreach((k, v) => seen.Add(k + "=" + v));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "1", 1);
        input.PipeInput("b", "2", 2);

        Assert.Equal(["a=1", "b=2"], peeked);
        Assert.Equal(["a=1", "b=2"], seen);
        Assert.Equal([("a", "1", 1L), ("b", "2", 2L)], Output(driver, "output").ReadAll());
        Assert.Equal(["output"], driver.ProducedTopicNames);
    }

    [Fact]
    public void Merge_forwards_the_records_of_both_streams_in_processing_order()
    {
        var builder = new StreamsBuilder();
        var left = builder.Stream("left", Strings);
        var right = builder.Stream("right", Strings).MapValues(v => v + "!");
        left.Merge(right).To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var leftInput = driver.CreateInputTopic("left", Serdes.String(), Serdes.String());
        var rightInput = driver.CreateInputTopic("right", Serdes.String(), Serdes.String());

        leftInput.PipeInput("a", "1", 1);
        rightInput.PipeInput("b", "2", 2);
        leftInput.PipeInput("c", "3", 3);

        Assert.Equal([("a", "1", 1L), ("b", "2!", 2L), ("c", "3", 3L)], Output(driver, "output").ReadAll());
    }

    [Fact]
    public void Headers_travel_with_the_record_through_stateless_operations()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).MapValues(v => v + v).Filter((_, _) => true).To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var headers = new Confluent.Kafka.Headers { { "trace", [7] } };

        input.PipeInput(new TestRecord<string, string>("a", "x", 9, headers));

        var record = Output(driver, "output").ReadRecord();
        Assert.Equal("xx", record.Value);
        Assert.Equal([7], record.Headers!.GetLastBytes("trace"));
    }

    private static TestOutputTopic<string, string> Output(TopologyTestDriver driver, string topic) =>
        driver.CreateOutputTopic(topic, Serdes.String(), Serdes.String());
}
