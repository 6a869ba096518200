using Confluent.Kafka;
using StreamsApp.Topologies.Messaging;
using static StreamsApp.Topologies.Tests.Saga.SagaReplies;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>
/// Every command, event and state the orchestrator writes continues the order's trace as a child span of the record
/// that caused it, naming that record's message (or event) id as its causation id.
/// </summary>
public sealed class SagaTraceTests : IDisposable
{
    private readonly SagaHarness _saga = new();

    public void Dispose() => _saga.Dispose();

    [Fact]
    public void Each_output_is_a_child_span_of_its_cause_in_the_orders_trace()
    {
        var order = _saga.PlaceOrder();
        var reserve = _saga.ReadInventoryCommand();
        AssertCausedBy(order.Trace, order.CausationId, [reserve.Headers, .. _saga.ReadStateHeaders()]);

        var reserved = StockReserved();
        var reservedTrace = _saga.Reply(reserve, reserved);
        var charge = _saga.ReadPaymentCommand();
        AssertCausedBy(reservedTrace, reserved.MessageId, [charge.Headers, .. _saga.ReadStateHeaders()]);

        var captured = PaymentCaptured();
        var capturedTrace = _saga.Reply(charge, captured);
        var schedule = _saga.ReadShippingCommand();
        AssertCausedBy(capturedTrace, captured.MessageId, [schedule.Headers, .. _saga.ReadStateHeaders()]);

        var scheduled = ShipmentScheduled();
        var scheduledTrace = _saga.Reply(schedule, scheduled);
        AssertCausedBy(scheduledTrace, scheduled.MessageId, [_saga.ReadEvent().Headers, .. _saga.ReadStateHeaders()]);
        Assert.Equal(order.Trace.TraceId, scheduledTrace.TraceId);
    }

    [Fact]
    public void Compensations_are_children_of_the_failed_reply_and_the_failure_of_the_confirmation()
    {
        _saga.PlaceOrder();
        _saga.Reply(_saga.ReadInventoryCommand(), StockReserved());
        _saga.ReadStateHeaders();
        var failed = PaymentFailed();

        var failedTrace = _saga.Reply(_saga.ReadPaymentCommand(), failed);
        var release = _saga.ReadInventoryCommand();

        AssertCausedBy(failedTrace, failed.MessageId, [release.Headers, .. _saga.ReadStateHeaders()]);
        var released = StockReleased();
        var releasedTrace = _saga.Reply(release, released);
        AssertCausedBy(releasedTrace, released.MessageId, [_saga.ReadEvent().Headers, .. _saga.ReadStateHeaders()]);
    }

    [Fact]
    public void A_timeout_continues_the_trace_of_the_command_whose_reply_never_came()
    {
        _saga.PlaceOrder();
        _saga.Reply(_saga.ReadInventoryCommand(), StockReserved());
        var charge = _saga.ReadPaymentCommand();
        _saga.ReadStateHeaders();

        _saga.AdvanceWallClockTime(SagaHarness.Timeout);

        List<Headers> outputs = [.. _saga.Events.ReadRecordsToList().Select(record => record.Headers!), _saga.ReadInventoryCommand().Headers, .. _saga.ReadStateHeaders()];
        Assert.Equal(3, outputs.Count);   // SagaTimedOut, ReleaseStock, COMPENSATING (FAILED comes with the release's confirmation)
        AssertCausedBy(charge.Trace, charge.CausationId, outputs);
    }

    private static void AssertCausedBy(TraceHeaders cause, string causationId, IEnumerable<Headers> outputs)
    {
        var spans = new HashSet<string> { cause.SpanId };
        foreach (var headers in outputs)
        {
            var trace = TraceHeaders.Read(headers);
            Assert.NotNull(trace);
            Assert.Equal((cause.TraceId, cause.SpanId, "o-1", causationId), (trace.TraceId, trace.ParentSpanId, trace.CorrelationId, trace.CausationId));
            Assert.True(spans.Add(trace.SpanId), "every output has a span of its own");
        }
    }
}
