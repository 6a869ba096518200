using System.Diagnostics;
using System.Text;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Tests.Messaging;

/// <summary>The seed's trace headers and the W3C <c>traceparent</c> written beside them, with and without a current span.</summary>
public sealed class TraceHeadersTests
{
    private static string TraceParent(TraceHeaders trace) => Encoding.UTF8.GetString(trace.ToHeaders().GetLastBytes(TraceHeaders.TraceParentHeader));

    [Fact]
    public void The_traceparent_names_the_seed_headers_trace_and_span()
    {
        var trace = TraceHeaders.Start("o-1");

        Assert.Equal($"00-{trace.TraceId}-{trace.SpanId}-01", TraceParent(trace));
        var child = trace.Child("m-1");
        Assert.Equal($"00-{trace.TraceId}-{child.SpanId}-01", TraceParent(child));
    }

    [Fact]
    public void Under_a_current_span_a_trace_starts_as_that_span()
    {
        using var span = new Activity("processing").Start();

        var trace = TraceHeaders.Start("o-1");

        Assert.Equal((span.TraceId.ToHexString(), span.SpanId.ToHexString()), (trace.TraceId, trace.SpanId));
        Assert.Equal(span.Id, TraceParent(trace));
    }

    [Fact]
    public void A_child_in_the_current_spans_trace_is_that_span_and_keeps_its_flags()
    {
        using var upstream = new Activity("upstream").Start();
        var cause = TraceHeaders.Start("o-1");
        using var processing = new Activity("processing").Start();
        processing.ActivityTraceFlags = ActivityTraceFlags.None;

        var child = cause.Child("m-1");

        Assert.Equal((cause.TraceId, processing.SpanId.ToHexString(), upstream.SpanId.ToHexString()), (child.TraceId, child.SpanId, child.ParentSpanId));
        Assert.EndsWith("-00", TraceParent(child), StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_of_another_trace_than_the_current_spans_stays_in_its_own()
    {
        var stored = TraceHeaders.Start("o-1");
        using var punctuation = new Activity("punctuation").Start();

        var child = stored.Child("m-2");

        Assert.Equal(stored.TraceId, child.TraceId);
        Assert.Equal(stored.SpanId, child.ParentSpanId);
        Assert.NotEqual(punctuation.SpanId.ToHexString(), child.SpanId);
    }

    [Fact]
    public void Ids_that_are_not_W3C_ids_get_no_traceparent()
    {
        var foreign = new TraceHeaders("abc123", "span-001", null, "o-1", null);

        Assert.False(foreign.ToHeaders().TryGetLastBytes(TraceHeaders.TraceParentHeader, out _));
    }
}
