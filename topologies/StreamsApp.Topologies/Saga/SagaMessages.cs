using StreamsApp.Contracts;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Shipping;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Saga;

/// <summary>
/// Makes the orchestrator's commands, compensations and events from a saga's state; each gets a message id derived
/// from the saga, its version and the message type, which the messages it causes name in their causation-id header.
/// </summary>
internal static class SagaMessages
{
    public static ReserveStock ReserveStock(SagaState saga, DateTimeOffset now) =>
        Stamp(new ReserveStock { Items = saga.Items }, saga, now);

    public static ChargePayment ChargePayment(SagaState saga, DateTimeOffset now) =>
        Stamp(new ChargePayment { CustomerId = saga.CustomerId, Amount = saga.TotalAmount, Currency = saga.Currency }, saga, now);

    public static ScheduleShipment ScheduleShipment(SagaState saga, DateTimeOffset now) =>
        Stamp(new ScheduleShipment { CustomerId = saga.CustomerId, Address = saga.ShippingAddress, Items = saga.Items }, saga, now);

    /// <summary>The command that carries out a compensation.</summary>
    public static ISagaMessage Compensation(SagaCompensation compensation, SagaState saga, DateTimeOffset now) =>
        compensation switch
        {
            SagaCompensation.RELEASE_STOCK =>
                Stamp(new ReleaseStock { Items = saga.Items, Reason = saga.FailureReason ?? "" }, saga, now),
            SagaCompensation.REFUND_PAYMENT => Stamp(
                new RefundPayment
                {
                    CustomerId = saga.CustomerId,
                    PaymentId = saga.PaymentId ?? throw new InvalidOperationException($"Saga '{saga.SagaId}' has no payment to refund"),
                    Amount = saga.TotalAmount,
                    Currency = saga.Currency,
                    Reason = saga.FailureReason ?? "",
                },
                saga,
                now),
            _ => throw new ArgumentOutOfRangeException(nameof(compensation), compensation, "Unknown compensation"),
        };

    public static SagaCompleted Completed(SagaState saga, DateTimeOffset now) =>
        Stamp(new SagaCompleted { ShipmentId = saga.ShipmentId ?? "", SagaVersion = saga.Version }, saga, now);

    public static SagaFailed Failed(SagaState saga, IReadOnlyList<SagaCompensation> compensations, DateTimeOffset now) =>
        Stamp(new SagaFailed { Reason = saga.FailureReason ?? "", Compensations = compensations, SagaVersion = saga.Version }, saga, now);

    /// <summary>The event of <paramref name="saga"/> timing out, which made it <paramref name="failing"/>.</summary>
    public static SagaTimedOut TimedOut(SagaState saga, SagaState failing, DateTimeOffset now) =>
        Stamp(new SagaTimedOut { Status = saga.Status, Deadline = saga.Deadline, SagaVersion = failing.Version }, saga, now);

    private static T Stamp<T>(T message, SagaState saga, DateTimeOffset now)
        where T : ISagaMessage
    {
        // The same id whenever the state's message is made again (MessageIds), and a new one for every new state.
        message.MessageId = MessageIds.Derived($"{saga.SagaId}@{saga.Version}", typeof(T).Name);
        message.SagaId = saga.SagaId;
        message.OrderId = saga.OrderId;
        message.Timestamp = now;
        return message;
    }
}
