using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Diagnostics;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Diagnostics;

/// <summary>
/// Not run beside other tests: an <see cref="ActivityListener"/> is process-wide, and whether one listens changes what
/// the engine does.
/// </summary>
[CollectionDefinition(nameof(TracingCollection), DisableParallelization = true)]
public sealed class TracingCollection;

/// <summary>The engine's spans and the trace context it carries in headers, through the test driver.</summary>
[Collection(nameof(TracingCollection))]
public sealed class TracingTests : IDisposable
{
    private const string Upstream = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private readonly List<Activity> _spans = [];
    private readonly ActivityListener _listener;

    public TracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == StreamsDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private sealed class ResendOnPunctuation(string traceParent) : IProcessor<string, string, string, string>
    {
        private IProcessorContext<string, string>? _context;

        public void Init(IProcessorContext<string, string> context)
        {
            _context = context;
            context.Schedule(TimeSpan.FromSeconds(1), PunctuationType.WallClockTime, now =>
            {
                var headers = new Headers { { "traceparent", Encoding.UTF8.GetBytes(traceParent) } };
                context.Forward(new Record<string, string>("timer", "fired", now, headers));
            });
        }

        public void Process(Record<string, string> record) => _context!.Forward(record);
    }

    private static TopologyTestDriver Driver(Func<IProcessor<string, string, string, string>>? processor = null)
    {
        var builder = new StreamsBuilder();
        var stream = builder.Stream("in", Consumed.With(Serdes.String(), Serdes.String())).MapValues(v => v.ToUpperInvariant());
        (processor is null ? stream : stream.Process(processor)).To("out", Produced.With(Serdes.String(), Serdes.String()));
        return new TopologyTestDriver(builder.Build());
    }

    private static ActivityContext TraceOf(TestRecord<string, string> record)
    {
        Assert.True(KafkaHeadersPropagation.TryExtract(record.Headers, out var context), "the output record carries a trace context");
        return context;
    }

    [Fact]
    public void A_record_is_processed_in_a_span_continuing_its_headers_context_and_sent_in_a_child_span_whose_context_it_carries()
    {
        using var driver = Driver();
        var input = driver.CreateInputTopic("in", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());

        input.PipeInput(new TestRecord<string, string>("k", "v", Headers: new Headers { { "traceparent", Encoding.UTF8.GetBytes(Upstream) } }));

        var process = Assert.Single(_spans, s => s.DisplayName == "process in");
        var send = Assert.Single(_spans, s => s.DisplayName == "send out");
        Assert.Equal(("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"), (process.TraceId.ToHexString(), process.ParentSpanId.ToHexString()));
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.Equal("in", process.GetTagItem("messaging.destination.name"));
        Assert.Equal((process.TraceId, process.SpanId), (send.TraceId, send.ParentSpanId));
        Assert.Equal(ActivityKind.Producer, send.Kind);
        var carried = TraceOf(output.ReadRecord());
        Assert.Equal((send.TraceId, send.SpanId), (carried.TraceId, carried.SpanId));
    }

    [Fact]
    public void A_records_tracestate_travels_with_its_context_to_what_is_sent()
    {
        using var driver = Driver();
        var input = driver.CreateInputTopic("in", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());

        input.PipeInput(new TestRecord<string, string>("k", "v", Headers: new Headers
        {
            { "traceparent", Encoding.UTF8.GetBytes(Upstream) },
            { "tracestate", Encoding.UTF8.GetBytes("vendor=t61rcWkgMzE,other=1") },
        }));

        Assert.Equal("vendor=t61rcWkgMzE,other=1", Assert.Single(_spans, s => s.DisplayName == "process in").TraceStateString);
        Assert.Equal("vendor=t61rcWkgMzE,other=1", Assert.Single(_spans, s => s.DisplayName == "send out").TraceStateString);
        var sent = output.ReadRecord();
        Assert.Equal("vendor=t61rcWkgMzE,other=1", Encoding.UTF8.GetString(sent.Headers!.GetLastBytes("tracestate")));
        Assert.Equal("vendor=t61rcWkgMzE,other=1", TraceOf(sent).TraceState);
    }

    [Fact]
    public void A_record_without_a_context_starts_a_trace()
    {
        using var driver = Driver();
        var input = driver.CreateInputTopic("in", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());

        input.PipeInput("k", "v");

        var process = Assert.Single(_spans, s => s.DisplayName == "process in");
        Assert.Equal(default, process.ParentSpanId);
        Assert.Equal(process.TraceId, TraceOf(output.ReadRecord()).TraceId);
    }

    [Fact]
    public void A_context_a_punctuator_writes_is_continued_by_the_send_span()
    {
        const string stored = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        using var driver = Driver(() => new ResendOnPunctuation(stored));
        var output = driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());

        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(2));

        Assert.Single(_spans, s => s.DisplayName.StartsWith("punctuate ", StringComparison.Ordinal));
        var send = Assert.Single(_spans, s => s.DisplayName == "send out");
        Assert.Equal(("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"), (send.TraceId.ToHexString(), send.ParentSpanId.ToHexString()));
        Assert.Equal(send.SpanId, TraceOf(output.ReadRecord()).SpanId);
    }

    [Fact]
    public void A_failed_record_fails_its_span()
    {
        var builder = new StreamsBuilder();
        builder.Stream("in", Consumed.With(Serdes.String(), Serdes.String()))
            .MapValues<string>(_ => throw new InvalidOperationException("bad"))
            .To("out", Produced.With(Serdes.String(), Serdes.String()));
        using var driver = new TopologyTestDriver(builder.Build());

        Assert.ThrowsAny<Exception>(() => driver.CreateInputTopic("in", Serdes.String(), Serdes.String()).PipeInput("k", "v"));

        Assert.Equal(ActivityStatusCode.Error, Assert.Single(_spans, s => s.DisplayName == "process in").Status);
    }

    [Fact]
    public void Without_a_listener_headers_pass_through_unchanged_and_no_span_is_made()
    {
        _listener.Dispose();
        using var driver = Driver();
        var input = driver.CreateInputTopic("in", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());

        input.PipeInput(new TestRecord<string, string>("k", "v", Headers: new Headers { { "traceparent", Encoding.UTF8.GetBytes(Upstream) } }));

        Assert.Empty(_spans);
        Assert.Equal(Upstream, Encoding.UTF8.GetString(output.ReadRecord().Headers!.GetLastBytes("traceparent")));
    }
}
