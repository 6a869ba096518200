using System.Text;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Tests.Support;

namespace StreamsApp.Topologies.Tests.Orders;

public sealed class OrderIntakeTracingTests : IDisposable
{
    private readonly OrderIntakeDriver _intake = new();

    [Fact]
    public void AnAcceptedOrderIsAChildSpanOfItsEventCausedByTheEventId()
    {
        var parent = TraceHeaders.Start("o-1");
        var headers = parent.ToHeaders();
        headers.Add("origin", Encoding.UTF8.GetBytes("web-shop"));

        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"), headers: headers);

        var accepted = _intake.Accepted.ReadRecord();
        var span = TraceHeaders.Read(accepted.Headers);
        Assert.NotNull(span);
        Assert.Equal(parent.TraceId, span.TraceId);
        Assert.Equal(parent.SpanId, span.ParentSpanId);
        Assert.NotEqual(parent.SpanId, span.SpanId);
        Assert.Equal("o-1", span.CorrelationId);
        Assert.Equal("e-1", span.CausationId);
        Assert.Equal("web-shop", accepted.Headers!.Text("origin"));
        Assert.Single(accepted.Headers!, header => header.Key == TraceHeaders.SpanIdHeader);
    }

    [Fact]
    public void AnOrderWithoutATraceStartsOneCorrelatedByOrderId()
    {
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"));

        var span = TraceHeaders.Read(_intake.Accepted.ReadRecord().Headers);
        Assert.NotNull(span);
        Assert.Null(span.ParentSpanId);
        Assert.Equal("o-1", span.CorrelationId);
        Assert.Equal("e-1", span.CausationId);
    }

    public void Dispose() => _intake.Dispose();
}
