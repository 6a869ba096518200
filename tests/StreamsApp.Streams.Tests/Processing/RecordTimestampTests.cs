using System.Globalization;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>Where records get their timestamps: the input record, or a typed timestamp extractor; never negative.</summary>
public sealed class RecordTimestampTests
{
    /// <summary>Reads the event time from values like "name@1500".</summary>
    private static long FromValue(string value) =>
        long.Parse(value[(value.IndexOf('@', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);

    [Fact]
    public void A_negative_input_timestamp_is_rejected_naming_topic_and_offset()
    {
        using var driver = new TopologyTestDriver(TestTopologies.Pipeline(TestTopologies.Observing((_, _) => { })));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());
        input.PipeInput("k", "fine", 0);

        var error = Assert.ThrowsAny<StreamsException>(() => input.PipeInput("k", "v", -1));

        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
        Assert.Contains("-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("input-0 at offset 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(["fine"], output.ReadValuesToList());
    }

    [Fact]
    public void A_typed_extractor_sets_the_timestamp_that_reaches_processors_and_output()
    {
        var calls = new List<(long RecordTimestamp, long PartitionTime)>();
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String())
                .WithTimestampExtractor((_, value, recordTimestamp, partitionTime) =>
                {
                    calls.Add((recordTimestamp, partitionTime));
                    return FromValue(value);
                }))
            .MapValues(v => v.ToUpperInvariant())
            .To("output", Produced.With(Serdes.String(), Serdes.String()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());

        input.PipeInput("k", "a@1500", 7);
        input.PipeInput("k", "b@900", 8);
        input.PipeInput("k", "c@2000", 9);

        Assert.Equal([("A@1500", 1500L), ("B@900", 900L), ("C@2000", 2000L)], output.ReadRecordsToList().Select(r => (r.Value, r.Timestamp!.Value)));
        // The extractor sees the stored timestamp and the largest timestamp extracted so far from the partition.
        Assert.Equal([(7L, -1L), (8L, 1500L), (9L, 1500L)], calls);
    }

    [Fact]
    public void A_processor_api_source_with_an_extractor_drives_stream_time()
    {
        var streamTimes = new List<long>();
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), (_, value, _, _) => FromValue(value), "input")
            .AddProcessor("processor", TestTopologies.Observing((context, record) =>
                streamTimes.Add(context.CurrentStreamTimeMs)), "source")
            .AddSink("sink", "output", Serdes.String(), Serdes.String(), "processor");
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "a@300", 1);
        input.PipeInput("k", "b@100", 2);

        Assert.Equal([300L, 300L], streamTimes);
        Assert.Equal([300L, 100L], driver.CreateOutputTopic("output", Serdes.String(), Serdes.String())
            .ReadRecordsToList().Select(r => r.Timestamp!.Value));
    }

    [Fact]
    public void A_negative_extracted_timestamp_is_rejected()
    {
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), (_, _, _, _) => -5, "input")
            .AddSink("sink", "output", Serdes.String(), Serdes.String(), "source");
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        var error = Assert.ThrowsAny<StreamsException>(() => input.PipeInput("k", "v", 10));

        Assert.Contains("-5", error.Message, StringComparison.Ordinal);
        Assert.True(driver.CreateOutputTopic("output", Serdes.String(), Serdes.String()).IsEmpty);
    }
}
