using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Saga;
using static StreamsApp.Topologies.Tests.Saga.SagaReplies;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>The wall-clock punctuator: sagas past their deadline time out once and compensate what their state requires.</summary>
public sealed class SagaTimeoutTests : IDisposable
{
    private readonly SagaHarness _saga = new();

    public void Dispose() => _saga.Dispose();

    [Fact]
    public void A_saga_waiting_for_shipping_at_its_deadline_times_out_refunds_and_releases_once_and_fails_when_both_are_confirmed()
    {
        _saga.PlaceOrder();
        _saga.Reply(_saga.ReadInventoryCommand(), StockReserved());
        _saga.Reply(_saga.ReadPaymentCommand(), PaymentCaptured());
        _saga.ReadShippingCommand();
        _saga.ReadStatuses();

        _saga.AdvanceWallClockTime(SagaHarness.Timeout - TimeSpan.FromSeconds(1));
        Assert.True(_saga.NothingMoreSent);
        _saga.AdvanceWallClockTime(TimeSpan.FromSeconds(1));

        var timedOut = Assert.IsType<SagaTimedOut>(_saga.ReadEvent().Message);
        Assert.Equal((SagaStatus.PAYMENT_DONE, SagaHarness.Start + SagaHarness.Timeout), (timedOut.Status, timedOut.Deadline));
        var refund = _saga.ReadPaymentCommand();
        Assert.Equal("pay-1", Assert.IsType<RefundPayment>(refund.Message).PaymentId);
        var release = _saga.ReadInventoryCommand();
        Assert.IsType<ReleaseStock>(release.Message);
        Assert.Equal([SagaStatus.COMPENSATING], _saga.ReadStatuses());
        Assert.True(_saga.Events.IsEmpty);

        _saga.Reply(refund, PaymentRefunded());
        _saga.Reply(release, StockReleased());

        var failed = Assert.IsType<SagaFailed>(_saga.ReadEvent().Message);
        Assert.Equal([SagaCompensation.REFUND_PAYMENT, SagaCompensation.RELEASE_STOCK], failed.Compensations);
        Assert.Equal("timed out in PAYMENT_DONE", failed.Reason);
        Assert.Equal([SagaStatus.COMPENSATING, SagaStatus.FAILED], _saga.ReadStatuses());
        _saga.AdvanceWallClockTime(SagaHarness.Timeout);
        Assert.True(_saga.NothingMoreSent);
    }

    [Fact]
    public void A_saga_still_waiting_for_its_stock_reply_releases_the_stock_it_may_have_reserved()
    {
        _saga.PlaceOrder();
        _saga.ReadInventoryCommand();
        _saga.ReadStatuses();

        _saga.AdvanceWallClockTime(SagaHarness.Timeout);

        Assert.Equal(SagaStatus.STARTED, Assert.IsType<SagaTimedOut>(_saga.ReadEvent().Message).Status);
        var release = _saga.ReadInventoryCommand();
        Assert.IsType<ReleaseStock>(release.Message);
        Assert.Equal(SagaStatus.COMPENSATING, _saga.Store.Get("o-1")!.Status);
        _saga.Reply(release, StockReleased());
        Assert.Equal([SagaCompensation.RELEASE_STOCK], Assert.IsType<SagaFailed>(_saga.ReadEvent().Message).Compensations);
        Assert.Equal(SagaStatus.FAILED, _saga.Store.Get("o-1")!.Status);
    }

    [Fact]
    public void Finished_sagas_never_time_out_and_a_reply_after_the_timeout_is_ignored()
    {
        _saga.PlaceOrder("o-done");
        _saga.Reply(_saga.ReadInventoryCommand(), StockFailed("o-done"));
        _saga.PlaceOrder("o-late");
        var reserve = _saga.ReadInventoryCommand();
        _saga.Events.ReadRecordsToList();
        _saga.ReadStatuses();

        _saga.AdvanceWallClockTime(SagaHarness.Timeout);
        var events = _saga.Events.ReadRecordsToList();
        Assert.All(events, sagaEvent => Assert.Equal("o-late", sagaEvent.Key));
        Assert.IsType<SagaTimedOut>(events[0].Value.Message);
        _saga.InventoryCommands.ReadRecordsToList();
        _saga.ReadStatuses();

        _saga.Reply(reserve, StockReserved("o-late"));

        Assert.True(_saga.NothingMoreSent);
        Assert.Equal(SagaStatus.COMPENSATING, _saga.Store.Get("o-late")!.Status);
        Assert.Equal(SagaStatus.FAILED, _saga.Store.Get("o-done")!.Status);
    }

    [Fact]
    public void A_payment_captured_after_the_timeout_is_refunded_once_and_waited_for()
    {
        _saga.PlaceOrder();
        _saga.Reply(_saga.ReadInventoryCommand(), StockReserved());
        var charge = _saga.ReadPaymentCommand();
        _saga.AdvanceWallClockTime(SagaHarness.Timeout);
        var release = _saga.ReadInventoryCommand();
        Assert.IsType<ReleaseStock>(release.Message);
        Assert.True(_saga.PaymentCommands.IsEmpty);   // nothing to refund yet: the capture's payment id is unknown
        _saga.Events.ReadRecordsToList();
        _saga.ReadStatuses();

        var lateCapture = PaymentCaptured();
        _saga.Reply(charge, lateCapture);

        var refund = _saga.ReadPaymentCommand();
        Assert.Equal(("pay-1", 25.5m), (Assert.IsType<RefundPayment>(refund.Message).PaymentId, ((RefundPayment)refund.Message).Amount));
        var state = Assert.Single(_saga.States.ReadValuesToList());
        Assert.Equal(SagaStatus.COMPENSATING, state.Status);
        Assert.Equal([SagaCompensation.RELEASE_STOCK, SagaCompensation.REFUND_PAYMENT], state.CompensationsPending);
        _saga.Reply(charge, lateCapture);
        Assert.True(_saga.NothingMoreSent);

        _saga.Reply(release, StockReleased());
        _saga.Reply(refund, PaymentRefunded());
        Assert.Equal([SagaCompensation.REFUND_PAYMENT, SagaCompensation.RELEASE_STOCK], Assert.IsType<SagaFailed>(_saga.ReadEvent().Message).Compensations);
    }
}
