using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>Record headers from input to output: kept by stateless operations, changed only by processors that change them.</summary>
public sealed class HeadersTests
{
    private static Headers Headers(params (string Key, string Value)[] entries)
    {
        var headers = new Headers();
        foreach (var (key, value) in entries)
        {
            headers.Add(key, Encoding.UTF8.GetBytes(value));
        }

        return headers;
    }

    private static List<(string Key, string Value)> Entries(Headers? headers) =>
        headers is null ? [] : [.. headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.GetValueBytes())))];

    [Fact]
    public void Headers_flow_unchanged_through_stateless_operations()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()))
            .Filter((_, v) => v.Length > 0)
            .MapValues(v => v + "!")
            .SelectKey((k, _) => k + "-re")
            .FlatMapValues(v => new[] { v, v })
            .Peek((_, _) => { })
            .To("output", Produced.With(Serdes.String(), Serdes.String()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());

        input.PipeInput(new TestRecord<string, string>("k", "v", 5, Headers(("trace", "t-1"), ("tenant", "acme"), ("trace", "t-2"))));

        var records = output.ReadRecordsToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal([("trace", "t-1"), ("tenant", "acme"), ("trace", "t-2")], Entries(r.Headers)));
        Assert.All(records, r => Assert.Equal(("k-re", "v!"), (r.Key, r.Value)));
    }

    [Fact]
    public void A_processor_that_adds_and_removes_headers_changes_them_for_its_output()
    {
        var topology = TestTopologies.Pipeline(() => new LambdaProcessor<string, string, string, string>((context, record) =>
        {
            var headers = new Headers();
            foreach (var header in record.Headers.Where(h => h.Key != "secret"))
            {
                headers.Add(header);
            }

            headers.Add("processed-by", "processor"u8.ToArray());
            context.Forward(record with { Headers = headers });
        }));
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());

        input.PipeInput(new TestRecord<string, string>("k", "v", 5, Headers(("trace", "t-1"), ("secret", "s"))));
        input.PipeInput("k", "no-headers", 6);

        Assert.Equal([("trace", "t-1"), ("processed-by", "processor")], Entries(output.ReadRecord().Headers));
        Assert.Equal([("processed-by", "processor")], Entries(output.ReadRecord().Headers));
    }

    [Fact]
    public void A_record_without_headers_is_read_back_with_empty_headers()
    {
        using var driver = new TopologyTestDriver(TestTopologies.Pipeline(TestTopologies.Observing((_, _) => { })));
        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("k", "v");

        var record = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String()).ReadRecord();

        Assert.NotNull(record.Headers);
        Assert.Empty(record.Headers);
    }

    [Fact]
    public void Headers_changed_in_place_after_a_sink_wrote_the_record_do_not_change_what_was_written()
    {
        // The source feeds the sink first, then a processor that mutates the shared headers instance in place.
        // A Kafka producer serializes headers when sending, so the first output must keep the headers it was sent with.
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddSink("raw-sink", "raw", Serdes.String(), Serdes.String(), "source")
            .AddProcessor("tagger", () => new LambdaProcessor<string, string, string, string>((context, record) =>
            {
                record.Headers.Add("tagged", "yes"u8.ToArray());
                context.Forward(record);
            }), "source")
            .AddSink("tagged-sink", "tagged", Serdes.String(), Serdes.String(), "tagger");
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput(new TestRecord<string, string>("k", "v", 1, Headers(("trace", "t-1"))));

        Assert.Equal([("trace", "t-1")], Entries(driver.CreateOutputTopic("raw", Serdes.String(), Serdes.String()).ReadRecord().Headers));
        Assert.Equal([("trace", "t-1"), ("tagged", "yes")],
            Entries(driver.CreateOutputTopic("tagged", Serdes.String(), Serdes.String()).ReadRecord().Headers));
    }

    [Fact]
    public void A_processor_changing_headers_in_place_does_not_change_the_piped_test_record()
    {
        var topology = TestTopologies.Pipeline(() => new LambdaProcessor<string, string, string, string>((context, record) =>
        {
            record.Headers.Remove("trace");
            context.Forward(record);
        }));
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var piped = new TestRecord<string, string>("k", "v", 1, Headers(("trace", "t-1")));

        input.PipeInput(piped);
        input.PipeInput(piped);

        Assert.Equal([("trace", "t-1")], Entries(piped.Headers));
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String()).ReadRecordsToList();
        Assert.All(output, r => Assert.Empty(r.Headers!));
    }

    [Fact]
    public void Headers_survive_a_repartition_topic()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()))
            .SelectKey((_, v) => v)
            .GroupByKey()
            .Reduce((_, latest) => latest, materialized: Materialized.As<string, string>("latest").WithCachingDisabled())
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.String()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput(new TestRecord<string, string>("k", "v", 1, Headers(("trace", "t-1"))));

        var repartition = driver.ProducedTopicNames.Single(t => t.EndsWith("-repartition", StringComparison.Ordinal));
        Assert.Equal([("trace", "t-1")], Entries(driver.CreateOutputTopic(repartition, Serdes.String(), Serdes.String()).ReadRecord().Headers));
        Assert.Equal([("trace", "t-1")], Entries(driver.CreateOutputTopic("output", Serdes.String(), Serdes.String()).ReadRecord().Headers));
    }
}
