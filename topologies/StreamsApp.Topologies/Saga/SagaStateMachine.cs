using StreamsApp.Contracts;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Shipping;

namespace StreamsApp.Topologies.Saga;

/// <summary>
/// The order saga's transitions, free of Kafka: STARTED → STOCK_RESERVED → PAYMENT_DONE → SHIPPED → COMPLETED, and on
/// a failure or the deadline COMPENSATING → FAILED, undoing the steps done in reverse order. A saga waits for exactly
/// one reply type per status, so a reply it does not wait for (a duplicate, one for a finished saga, one that comes
/// before its turn) is ignored; the exception is a payment captured after the saga failed, which is refunded.
/// </summary>
internal static class SagaStateMachine
{
    /// <summary>Starts a saga: STARTED, and the stock reservation.</summary>
    public static SagaTransition Start(OrderCreated order, DateTimeOffset now, TimeSpan timeout)
    {
        var started = SagaStates.Start(order, now, timeout);
        return new([started], [SagaMessages.ReserveStock(started, now)]);
    }

    /// <summary>What a participant's reply does to a saga.</summary>
    public static SagaTransition Apply(SagaState saga, ISagaMessage reply, DateTimeOffset now) => (saga.Status, reply) switch
    {
        (SagaStatus.STARTED, StockReserved) => Advance(saga, SagaStatus.STOCK_RESERVED, SagaStep.RESERVE_STOCK, now, SagaMessages.ChargePayment),
        (SagaStatus.STARTED, StockFailed failed) => Fail(saga, $"stock: {failed.Reason}", [], now),
        (SagaStatus.STOCK_RESERVED, PaymentCaptured captured) =>
            Advance(saga, SagaStatus.PAYMENT_DONE, SagaStep.CHARGE_PAYMENT, now, SagaMessages.ScheduleShipment, paid => paid.PaymentId = captured.PaymentId),
        (SagaStatus.STOCK_RESERVED, PaymentFailed failed) => Fail(saga, $"payment: {failed.Reason}", saga.StepsDone, now),
        (SagaStatus.PAYMENT_DONE, ShipmentScheduled scheduled) => Complete(saga, scheduled.ShipmentId, now),
        (SagaStatus.PAYMENT_DONE, ShipmentFailed failed) => Fail(saga, $"shipping: {failed.Reason}", saga.StepsDone, now),
        (SagaStatus.FAILED, PaymentCaptured captured) when ChargeWasInFlight(saga) => RefundLateCapture(saga, captured, now),
        _ => SagaTransition.Ignored,
    };

    /// <summary>
    /// Times out an unfinished saga past its deadline: SagaTimedOut, then the compensations its state requires. A
    /// saga still waiting for its stock reply also releases stock, since the reservation may have happened; the
    /// release follows the reservation on the same partition and is idempotent.
    /// </summary>
    public static SagaTransition TimeOut(SagaState saga, DateTimeOffset now)
    {
        if (saga.IsFinished() || now < saga.Deadline)
        {
            return SagaTransition.Ignored;
        }

        IReadOnlyList<SagaStep> toUndo = saga.Status == SagaStatus.STARTED ? [SagaStep.RESERVE_STOCK] : saga.StepsDone;
        var failure = Fail(saga, $"timed out in {saga.Status}", toUndo, now);
        return failure with { Messages = [SagaMessages.TimedOut(saga, now), .. failure.Messages] };
    }

    private static SagaTransition Advance(
        SagaState saga, SagaStatus status, SagaStep step, DateTimeOffset now, Func<SagaState, DateTimeOffset, ISagaMessage> next,
        Action<SagaState>? recordOutcome = null)
    {
        var advanced = saga.With(status, now);
        advanced.StepsDone = [.. saga.StepsDone, step];
        recordOutcome?.Invoke(advanced);
        return new([advanced], [next(advanced, now)]);
    }

    private static SagaTransition Complete(SagaState saga, string shipmentId, DateTimeOffset now)
    {
        var shipped = saga.With(SagaStatus.SHIPPED, now);
        shipped.StepsDone = [.. saga.StepsDone, SagaStep.SCHEDULE_SHIPMENT];
        shipped.ShipmentId = shipmentId;
        var completed = shipped.With(SagaStatus.COMPLETED, now);
        return new([shipped, completed], [SagaMessages.Completed(completed, now)]);
    }

    /// <summary>
    /// FAILED, through COMPENSATING when something is to be undone. Only unfinished sagas fail, and a FAILED saga
    /// ignores further failures and never times out, so each compensation is issued once.
    /// </summary>
    private static SagaTransition Fail(SagaState saga, string reason, IReadOnlyList<SagaStep> toUndo, DateTimeOffset now)
    {
        List<SagaCompensation> compensations = [.. toUndo.Reverse().SelectMany(Compensations)];
        var compensating = saga.With(SagaStatus.COMPENSATING, now);
        compensating.FailureReason = reason;
        compensating.CompensationsPending = compensations;
        var failed = compensating.With(SagaStatus.FAILED, now);
        List<ISagaMessage> messages = [.. compensations.Select(compensation => SagaMessages.Compensation(compensation, compensating, now))];
        messages.Add(SagaMessages.Failed(failed, compensations, now));
        return new(compensations.Count > 0 ? [compensating, failed] : [failed], messages);
    }

    /// <summary>
    /// The saga failed (timed out) after asking for the payment and before its reply: a capture that comes now took
    /// money for a failed order, so it is refunded, once.
    /// </summary>
    private static bool ChargeWasInFlight(SagaState saga) =>
        saga.StepsDone.Contains(SagaStep.RESERVE_STOCK) && !saga.StepsDone.Contains(SagaStep.CHARGE_PAYMENT)
        && !saga.CompensationsPending.Contains(SagaCompensation.REFUND_PAYMENT);

    private static SagaTransition RefundLateCapture(SagaState saga, PaymentCaptured captured, DateTimeOffset now)
    {
        var refunding = saga.With(SagaStatus.FAILED, now);
        refunding.PaymentId = captured.PaymentId;
        refunding.CompensationsPending = [.. saga.CompensationsPending, SagaCompensation.REFUND_PAYMENT];
        return new([refunding], [SagaMessages.Compensation(SagaCompensation.REFUND_PAYMENT, refunding, now)]);
    }

    private static IEnumerable<SagaCompensation> Compensations(SagaStep step) => step switch
    {
        SagaStep.RESERVE_STOCK => [SagaCompensation.RELEASE_STOCK],
        SagaStep.CHARGE_PAYMENT => [SagaCompensation.REFUND_PAYMENT],
        _ => [],   // a scheduled shipment is the last step: nothing after it can fail
    };
}
