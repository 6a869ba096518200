using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Shipping;
using static StreamsApp.Topologies.Tests.Saga.SagaReplies;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>The happy path and the three failure paths, with the compensations each requires.</summary>
public sealed class SagaPathTests : IDisposable
{
    private readonly SagaHarness _saga = new();

    public void Dispose() => _saga.Dispose();

    [Fact]
    public void Every_step_succeeding_completes_the_saga()
    {
        var order = _saga.PlaceOrder();
        var reserve = _saga.ReadInventoryCommand();
        var reserveStock = Assert.IsType<ReserveStock>(reserve.Message);
        Assert.Equal(["p-1", "p-2"], reserveStock.Items.Select(item => item.ProductId));
        Assert.Equal(("o-1", "o-1"), (reserveStock.SagaId, reserveStock.OrderId));

        _saga.Reply(reserve, StockReserved());
        var charge = _saga.ReadPaymentCommand();
        var chargePayment = Assert.IsType<ChargePayment>(charge.Message);
        Assert.Equal(("c-1", 25.5m, "EUR"), (chargePayment.CustomerId, chargePayment.Amount, chargePayment.Currency));

        _saga.Reply(charge, PaymentCaptured());
        var schedule = _saga.ReadShippingCommand();
        var scheduleShipment = Assert.IsType<ScheduleShipment>(schedule.Message);
        Assert.Equal(("Ada", 2), (scheduleShipment.Address.Recipient, scheduleShipment.Items.Count));

        _saga.Reply(schedule, ShipmentScheduled());
        Assert.Equal("ship-1", Assert.IsType<SagaCompleted>(_saga.ReadEvent().Message).ShipmentId);
        Assert.Equal(
            [SagaStatus.STARTED, SagaStatus.STOCK_RESERVED, SagaStatus.PAYMENT_DONE, SagaStatus.SHIPPED, SagaStatus.COMPLETED],
            _saga.ReadStatuses());
        var stored = _saga.Store.Get(order.Key)!;
        Assert.Equal([SagaStep.RESERVE_STOCK, SagaStep.CHARGE_PAYMENT, SagaStep.SCHEDULE_SHIPMENT], stored.StepsDone);
        Assert.Equal((SagaStatus.COMPLETED, "pay-1", "ship-1"), (stored.Status, stored.PaymentId, stored.ShipmentId));
        Assert.True(_saga.NothingMoreSent);
    }

    [Fact]
    public void A_stock_failure_fails_the_saga_with_nothing_to_compensate()
    {
        _saga.PlaceOrder();
        _saga.Reply(_saga.ReadInventoryCommand(), StockFailed());

        var failed = Assert.IsType<SagaFailed>(_saga.ReadEvent().Message);
        Assert.Empty(failed.Compensations);
        Assert.Equal("stock: out of stock", failed.Reason);
        Assert.Equal([SagaStatus.STARTED, SagaStatus.FAILED], _saga.ReadStatuses());
        Assert.True(_saga.NothingMoreSent);
    }

    [Fact]
    public void A_payment_failure_releases_the_stock_and_fails_once_the_release_is_confirmed()
    {
        _saga.PlaceOrder();
        _saga.Reply(_saga.ReadInventoryCommand(), StockReserved());
        _saga.Reply(_saga.ReadPaymentCommand(), PaymentFailed());

        var release = _saga.ReadInventoryCommand();
        Assert.Equal((2, "payment: credit limit"), (Assert.IsType<ReleaseStock>(release.Message).Items.Count, ((ReleaseStock)release.Message).Reason));
        Assert.True(_saga.Events.IsEmpty);
        Assert.Equal([SagaStatus.STARTED, SagaStatus.STOCK_RESERVED, SagaStatus.COMPENSATING], _saga.ReadStatuses());
        Assert.Equal([SagaCompensation.RELEASE_STOCK], _saga.Store.Get("o-1")!.CompensationsPending);

        _saga.Reply(release, StockReleased());

        Assert.Equal([SagaCompensation.RELEASE_STOCK], Assert.IsType<SagaFailed>(_saga.ReadEvent().Message).Compensations);
        Assert.Equal([SagaStatus.FAILED], _saga.ReadStatuses());
        var failed = _saga.Store.Get("o-1")!;
        Assert.Empty(failed.CompensationsPending);
        Assert.Equal([SagaCompensation.RELEASE_STOCK], failed.CompensationsConfirmed);
        Assert.True(_saga.NothingMoreSent);
    }

    [Fact]
    public void A_shipment_failure_refunds_the_payment_and_releases_the_stock_and_fails_once_both_are_confirmed_in_any_order()
    {
        _saga.PlaceOrder();
        _saga.Reply(_saga.ReadInventoryCommand(), StockReserved());
        _saga.Reply(_saga.ReadPaymentCommand(), PaymentCaptured());
        _saga.Reply(_saga.ReadShippingCommand(), ShipmentFailed());

        var refund = _saga.ReadPaymentCommand();
        var r = Assert.IsType<RefundPayment>(refund.Message);
        Assert.Equal(("pay-1", 25.5m, "EUR", "c-1"), (r.PaymentId, r.Amount, r.Currency, r.CustomerId));
        var release = _saga.ReadInventoryCommand();
        Assert.IsType<ReleaseStock>(release.Message);
        _saga.Reply(release, StockReleased());
        _saga.Reply(release, StockReleased());
        Assert.True(_saga.Events.IsEmpty);
        _saga.Reply(refund, PaymentRefunded());

        Assert.Equal(
            [SagaCompensation.REFUND_PAYMENT, SagaCompensation.RELEASE_STOCK],
            Assert.IsType<SagaFailed>(_saga.ReadEvent().Message).Compensations);
        Assert.Equal(
            [SagaStatus.STARTED, SagaStatus.STOCK_RESERVED, SagaStatus.PAYMENT_DONE, SagaStatus.COMPENSATING, SagaStatus.COMPENSATING, SagaStatus.FAILED],
            _saga.ReadStatuses());
        Assert.True(_saga.NothingMoreSent);
    }
}
