using StreamsApp.Contracts.Common;
using StreamsApp.Contracts.Orders;

namespace StreamsApp.Contracts.Saga;

/// <summary>The orchestrator's state of one saga (the saga store's value).</summary>
public sealed class SagaState : ContractRecord<SagaState>
{
    private static readonly ContractFields<SagaState> FieldBindings = new ContractFields<SagaState>()
        .Field("sagaId", sagaState => sagaState.SagaId, (sagaState, value) => sagaState.SagaId = value)
        .Field("orderId", sagaState => sagaState.OrderId, (sagaState, value) => sagaState.OrderId = value)
        .Field("customerId", sagaState => sagaState.CustomerId, (sagaState, value) => sagaState.CustomerId = value)
        .Field("status", sagaState => sagaState.Status, (sagaState, value) => sagaState.Status = value)
        .Field("startedAt", sagaState => sagaState.StartedAt, (sagaState, value) => sagaState.StartedAt = value)
        .Field("updatedAt", sagaState => sagaState.UpdatedAt, (sagaState, value) => sagaState.UpdatedAt = value)
        .Field("deadline", sagaState => sagaState.Deadline, (sagaState, value) => sagaState.Deadline = value)
        .Field("stepsDone", sagaState => sagaState.StepsDone, (sagaState, value) => sagaState.StepsDone = value)
        .Field("compensationsPending", sagaState => sagaState.CompensationsPending, (sagaState, value) => sagaState.CompensationsPending = value)
        .Field("items", sagaState => sagaState.Items, (sagaState, value) => sagaState.Items = value)
        .Field("totalAmount", sagaState => sagaState.TotalAmount, (sagaState, value) => sagaState.TotalAmount = value)
        .Field("currency", sagaState => sagaState.Currency, (sagaState, value) => sagaState.Currency = value)
        .Field("shippingAddress", sagaState => sagaState.ShippingAddress, (sagaState, value) => sagaState.ShippingAddress = value)
        .Field("paymentId", sagaState => sagaState.PaymentId, (sagaState, value) => sagaState.PaymentId = value)
        .Field("shipmentId", sagaState => sagaState.ShipmentId, (sagaState, value) => sagaState.ShipmentId = value)
        .Field("failureReason", sagaState => sagaState.FailureReason, (sagaState, value) => sagaState.FailureReason = value)
        .Field("compensationDeadline", sagaState => sagaState.CompensationDeadline, (sagaState, value) => sagaState.CompensationDeadline = value)
        .Field("compensationAttempts", sagaState => sagaState.CompensationAttempts, (sagaState, value) => sagaState.CompensationAttempts = value)
        .Field("compensationsConfirmed", sagaState => sagaState.CompensationsConfirmed, (sagaState, value) => sagaState.CompensationsConfirmed = value)
        .Field("version", sagaState => sagaState.Version, (sagaState, value) => sagaState.Version = value)
        .Field("timedOut", sagaState => sagaState.TimedOut, (sagaState, value) => sagaState.TimedOut = value)
        .Field("lastInput", sagaState => sagaState.LastInput, (sagaState, value) => sagaState.LastInput = value)
        .Complete();

    /// <summary>Saga instance; the store key.</summary>
    public string SagaId { get; set; } = "";

    /// <summary>Order the saga runs for; the correlation id.</summary>
    public string OrderId { get; set; } = "";

    /// <summary>Customer who placed the order.</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>Current state.</summary>
    public SagaStatus Status { get; set; }

    /// <summary>When the saga started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the state last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the saga times out unless it has finished.</summary>
    public DateTimeOffset Deadline { get; set; }

    /// <summary>Forward steps completed, in order.</summary>
    public IReadOnlyList<SagaStep> StepsDone { get; set; } = [];

    /// <summary>Compensations issued and not yet confirmed.</summary>
    public IReadOnlyList<SagaCompensation> CompensationsPending { get; set; } = [];

    /// <summary>Order lines, for the stock commands.</summary>
    public IReadOnlyList<OrderItem> Items { get; set; } = [];

    /// <summary>Amount to charge or refund.</summary>
    public decimal TotalAmount { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Delivery address, for the shipping command.</summary>
    public Address ShippingAddress { get; set; } = new();

    /// <summary>Captured payment, once known; a refund names it.</summary>
    public string? PaymentId { get; set; }

    /// <summary>Scheduled shipment, once known.</summary>
    public string? ShipmentId { get; set; }

    /// <summary>Why the saga is compensating or failed.</summary>
    public string? FailureReason { get; set; }

    /// <summary>
    /// While compensating: when the pending compensations are asked again unless confirmed; null when not
    /// compensating, or once the saga gave up asking (it went to saga.DLT).
    /// </summary>
    public DateTimeOffset? CompensationDeadline { get; set; }

    /// <summary>How often the pending compensations were asked, the first time included.</summary>
    public int CompensationAttempts { get; set; }

    /// <summary>Compensations the participants confirmed, in the order confirmed.</summary>
    public IReadOnlyList<SagaCompensation> CompensationsConfirmed { get; set; } = [];

    /// <summary>
    /// The saga's version: 1 when it starts, one more with every state change it publishes; 0 on a state written
    /// before versions (SagaState.v2). Projections apply each version once (seed 004's aggregateVersion).
    /// </summary>
    public long Version { get; set; }

    /// <summary>Whether the saga failed because it ran past its deadline.</summary>
    public bool TimedOut { get; set; }

    /// <summary>
    /// The input record that made this state, as <c>topic/partition@offset</c> (null when the timeout scan made it): a
    /// redelivery of that record after a crash sends again what the state sent, which the crash may have lost.
    /// </summary>
    public string? LastInput { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<SagaState> Fields => FieldBindings;
}
