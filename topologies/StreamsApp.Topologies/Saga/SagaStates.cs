using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Saga;

namespace StreamsApp.Topologies.Saga;

/// <summary>
/// Creates and derives <see cref="SagaState"/> values. A transition publishes every state it passes through, so each
/// is a new value rather than the stored one changed in place.
/// </summary>
internal static class SagaStates
{
    /// <summary>The state of a saga started by <paramref name="order"/>.</summary>
    public static SagaState Start(OrderCreated order, DateTimeOffset now, TimeSpan timeout) => new()
    {
        SagaId = order.OrderId,
        OrderId = order.OrderId,
        CustomerId = order.CustomerId,
        Status = SagaStatus.STARTED,
        StartedAt = now,
        UpdatedAt = now,
        Deadline = now + timeout,
        Items = order.Items,
        TotalAmount = order.TotalAmount,
        Currency = order.Currency,
        ShippingAddress = order.ShippingAddress,
        Version = 1,
    };

    /// <summary>
    /// A copy of <paramref name="state"/> in <paramref name="status"/>, updated at <paramref name="now"/>: the saga's next
    /// version, since every state a transition derives is published.
    /// </summary>
    public static SagaState With(this SagaState state, SagaStatus status, DateTimeOffset now) => new()
    {
        SagaId = state.SagaId,
        OrderId = state.OrderId,
        CustomerId = state.CustomerId,
        Status = status,
        StartedAt = state.StartedAt,
        UpdatedAt = now,
        Deadline = state.Deadline,
        StepsDone = state.StepsDone,
        CompensationsPending = state.CompensationsPending,
        Items = state.Items,
        TotalAmount = state.TotalAmount,
        Currency = state.Currency,
        ShippingAddress = state.ShippingAddress,
        PaymentId = state.PaymentId,
        ShipmentId = state.ShipmentId,
        FailureReason = state.FailureReason,
        CompensationDeadline = state.CompensationDeadline,
        CompensationAttempts = state.CompensationAttempts,
        CompensationsConfirmed = state.CompensationsConfirmed,
        Version = state.Version + 1,
        TimedOut = state.TimedOut,
    };

    /// <summary>COMPLETED and FAILED sagas take no more forward replies and never time out.</summary>
    public static bool IsFinished(this SagaState state) => state.Status is SagaStatus.COMPLETED or SagaStatus.FAILED;
}
