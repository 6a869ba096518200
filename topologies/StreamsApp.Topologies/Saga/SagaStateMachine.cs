using StreamsApp.Contracts;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Shipping;

namespace StreamsApp.Topologies.Saga;

/// <summary>
/// The order saga's transitions, free of Kafka: STARTED → STOCK_RESERVED → PAYMENT_DONE → SHIPPED → COMPLETED, and on
/// a failure or the deadline COMPENSATING → FAILED, undoing the steps done in reverse order. A saga is FAILED only
/// once the participants confirmed every compensation (StockReleased, PaymentRefunded); until then it asks again
/// after <see cref="SagaOptions.CompensationTimeout"/>, doubling the wait each time, and after
/// <see cref="SagaOptions.MaxCompensationAttempts"/> it gives up: it stays COMPENSATING and goes to saga.DLT. A saga
/// waits for exactly one reply type per status, so a reply it does not wait for (a duplicate, one for a finished
/// saga, one that comes before its turn) is ignored; the exception is a payment captured after the saga failed, which
/// is refunded.
/// </summary>
internal static class SagaStateMachine
{
    // However many attempts are configured, a compensation is asked again at least daily.
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromDays(1);

    /// <summary>Starts a saga: STARTED, and the stock reservation.</summary>
    public static SagaTransition Start(OrderCreated order, DateTimeOffset now, TimeSpan timeout)
    {
        var started = SagaStates.Start(order, now, timeout);
        return new([started], [SagaMessages.ReserveStock(started, now)]);
    }

    /// <summary>What a participant's reply does to a saga.</summary>
    public static SagaTransition Apply(SagaState saga, ISagaMessage reply, DateTimeOffset now, SagaOptions options) => (saga.Status, reply) switch
    {
        (SagaStatus.STARTED, StockReserved) => Advance(saga, SagaStatus.STOCK_RESERVED, SagaStep.RESERVE_STOCK, now, SagaMessages.ChargePayment),
        (SagaStatus.STARTED, StockFailed failed) => Fail(saga, $"stock: {failed.Reason}", [], now, options),
        (SagaStatus.STOCK_RESERVED, PaymentCaptured captured) =>
            Advance(saga, SagaStatus.PAYMENT_DONE, SagaStep.CHARGE_PAYMENT, now, SagaMessages.ScheduleShipment, paid => paid.PaymentId = captured.PaymentId),
        (SagaStatus.STOCK_RESERVED, PaymentFailed failed) => Fail(saga, $"payment: {failed.Reason}", saga.StepsDone, now, options),
        (SagaStatus.PAYMENT_DONE, ShipmentScheduled scheduled) => Complete(saga, scheduled.ShipmentId, now),
        (SagaStatus.PAYMENT_DONE, ShipmentFailed failed) => Fail(saga, $"shipping: {failed.Reason}", saga.StepsDone, now, options),
        (SagaStatus.COMPENSATING or SagaStatus.FAILED, PaymentCaptured captured) when ChargeWasInFlight(saga) =>
            RefundLateCapture(saga, captured, now, options),
        (SagaStatus.COMPENSATING or SagaStatus.FAILED, StockReleased) => Confirm(saga, SagaCompensation.RELEASE_STOCK, now),
        (SagaStatus.COMPENSATING or SagaStatus.FAILED, PaymentRefunded) => Confirm(saga, SagaCompensation.REFUND_PAYMENT, now),
        _ => SagaTransition.Ignored,
    };

    /// <summary>
    /// What a saga in its current state has sent and may still be waiting on, made again with the same message ids:
    /// the command of a forward step, the pending compensations, or the outcome of a finished saga. Sent again when
    /// the input that made the state is redelivered, because a crash (under at-least-once) may have lost it.
    /// </summary>
    public static IReadOnlyList<ISagaMessage> Sent(SagaState saga, DateTimeOffset now) => saga.Status switch
    {
        SagaStatus.STARTED => [SagaMessages.ReserveStock(saga, now)],
        SagaStatus.STOCK_RESERVED => [SagaMessages.ChargePayment(saga, now)],
        SagaStatus.PAYMENT_DONE => [SagaMessages.ScheduleShipment(saga, now)],
        SagaStatus.COMPLETED => [SagaMessages.Completed(saga, now)],
        SagaStatus.FAILED when saga.CompensationsPending.Count == 0 =>
            [SagaMessages.Failed(saga, [.. saga.CompensationsConfirmed.OrderByDescending(c => c)], now)],
        _ => [.. saga.CompensationsPending.Select(compensation => SagaMessages.Compensation(compensation, saga, now))],
    };

    /// <summary>
    /// Times out an unfinished saga past its deadline: SagaTimedOut, then the compensations its state requires. A
    /// saga still waiting for its stock reply also releases stock, since the reservation may have happened; the
    /// release follows the reservation on the same partition and is idempotent. A compensating saga is past the
    /// forward steps: its compensations are asked again instead (<see cref="AskAgain"/>).
    /// </summary>
    public static SagaTransition TimeOut(SagaState saga, DateTimeOffset now, SagaOptions options)
    {
        if (saga.Status == SagaStatus.COMPENSATING)
        {
            return AskAgain(saga, now, options);
        }

        if (saga.IsFinished() || now < saga.Deadline)
        {
            return SagaTransition.Ignored;
        }

        IReadOnlyList<SagaStep> toUndo = saga.Status == SagaStatus.STARTED ? [SagaStep.RESERVE_STOCK] : saga.StepsDone;
        var failure = Fail(saga, $"timed out in {saga.Status}", toUndo, now, options);
        failure.Final.TimedOut = true;
        return failure with { Messages = [SagaMessages.TimedOut(saga, failure.Final, now), .. failure.Messages] };
    }

    /// <summary>
    /// A compensating saga past its compensation deadline asks for the unconfirmed compensations again, with twice the
    /// wait; past its last attempt it gives up: it stays COMPENSATING, with no deadline, and goes to saga.DLT.
    /// </summary>
    private static SagaTransition AskAgain(SagaState saga, DateTimeOffset now, SagaOptions options)
    {
        if (saga.CompensationDeadline is not { } deadline || now < deadline)
        {
            return SagaTransition.Ignored;
        }

        var next = saga.With(SagaStatus.COMPENSATING, now);
        if (saga.CompensationAttempts >= options.MaxCompensationAttempts)
        {
            next.CompensationDeadline = null;
            var stuck = $"{string.Join(", ", saga.CompensationsPending)} not confirmed after {saga.CompensationAttempts} attempts";
            return new([next], [], stuck);
        }

        next.CompensationAttempts = saga.CompensationAttempts + 1;
        next.CompensationDeadline = now + Backoff(options.CompensationTimeout, saga.CompensationAttempts);
        return new([next], [.. saga.CompensationsPending.Select(compensation => SagaMessages.Compensation(compensation, next, now))]);
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
    /// FAILED at once when nothing is to be undone; else COMPENSATING, asking for each compensation, until the
    /// participants confirm them all (<see cref="Confirm"/>). Only unfinished sagas fail, and a compensating or
    /// failed saga ignores further failures, so the compensations are asked again only by <see cref="AskAgain"/>.
    /// </summary>
    private static SagaTransition Fail(SagaState saga, string reason, IReadOnlyList<SagaStep> toUndo, DateTimeOffset now, SagaOptions options)
    {
        List<SagaCompensation> compensations = [.. toUndo.Reverse().SelectMany(Compensations)];
        if (compensations.Count == 0)
        {
            var failed = saga.With(SagaStatus.FAILED, now);
            failed.FailureReason = reason;
            return new([failed], [SagaMessages.Failed(failed, [], now)]);
        }

        var compensating = saga.With(SagaStatus.COMPENSATING, now);
        compensating.FailureReason = reason;
        compensating.CompensationsPending = compensations;
        compensating.CompensationAttempts = 1;
        compensating.CompensationDeadline = now + options.CompensationTimeout;
        return new([compensating], [.. compensations.Select(compensation => SagaMessages.Compensation(compensation, compensating, now))]);
    }

    /// <summary>
    /// A participant confirmed a compensation: it is no longer pending; the last one makes a compensating saga FAILED
    /// (with SagaFailed naming every compensation confirmed). A confirmation of nothing pending (a duplicate) is ignored.
    /// </summary>
    private static SagaTransition Confirm(SagaState saga, SagaCompensation compensation, DateTimeOffset now)
    {
        if (!saga.CompensationsPending.Contains(compensation))
        {
            return SagaTransition.Ignored;
        }

        var pending = saga.CompensationsPending.Where(c => c != compensation).ToList();
        var done = pending.Count == 0 && saga.Status == SagaStatus.COMPENSATING;
        var next = saga.With(done ? SagaStatus.FAILED : saga.Status, now);
        next.CompensationsPending = pending;
        next.CompensationsConfirmed = [.. saga.CompensationsConfirmed, compensation];
        if (!done)
        {
            return new([next], []);
        }

        next.CompensationDeadline = null;

        // In undo order, as they were asked (the later step's first), whatever order the confirmations came in.
        return new([next], [SagaMessages.Failed(next, [.. next.CompensationsConfirmed.OrderByDescending(c => c)], now)]);
    }

    /// <summary>
    /// The saga failed (timed out) after asking for the payment and before its reply: a capture that comes now took
    /// money for a failed order, so it is refunded, once.
    /// </summary>
    private static bool ChargeWasInFlight(SagaState saga) =>
        saga.StepsDone.Contains(SagaStep.RESERVE_STOCK) && !saga.StepsDone.Contains(SagaStep.CHARGE_PAYMENT)
        && !saga.CompensationsPending.Contains(SagaCompensation.REFUND_PAYMENT) && !saga.CompensationsConfirmed.Contains(SagaCompensation.REFUND_PAYMENT);

    /// <summary>
    /// Refunds a capture that came after the saga gave up on the payment. A compensating saga waits for this refund too;
    /// a failed one stays FAILED and records the confirmation when it comes.
    /// </summary>
    private static SagaTransition RefundLateCapture(SagaState saga, PaymentCaptured captured, DateTimeOffset now, SagaOptions options)
    {
        var refunding = saga.With(saga.Status, now);
        refunding.PaymentId = captured.PaymentId;
        refunding.CompensationsPending = [.. saga.CompensationsPending, SagaCompensation.REFUND_PAYMENT];
        if (saga.Status == SagaStatus.COMPENSATING && saga.CompensationDeadline is null)
        {
            // It had given up asking: asking anew starts the retries again.
            refunding.CompensationAttempts = 1;
            refunding.CompensationDeadline = now + options.CompensationTimeout;
        }

        return new([refunding], [SagaMessages.Compensation(SagaCompensation.REFUND_PAYMENT, refunding, now)]);
    }

    /// <summary>The wait after the <paramref name="attempt"/>th ask: the timeout doubled each time, at most a day.</summary>
    internal static TimeSpan Backoff(TimeSpan timeout, int attempt) =>
        TimeSpan.FromTicks((long)Math.Min(timeout.Ticks * Math.Pow(2, attempt), MaxBackoff.Ticks));

    private static IEnumerable<SagaCompensation> Compensations(SagaStep step) => step switch
    {
        SagaStep.RESERVE_STOCK => [SagaCompensation.RELEASE_STOCK],
        SagaStep.CHARGE_PAYMENT => [SagaCompensation.REFUND_PAYMENT],
        _ => [],   // a scheduled shipment is the last step: nothing after it can fail
    };
}
