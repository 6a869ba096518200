using StreamsApp.Contracts.Saga;

namespace StreamsApp.Contracts.Views;

/// <summary>One step in an order's history.</summary>
public sealed class OrderTimelineEntry : ContractRecord<OrderTimelineEntry>
{
    private static readonly ContractFields<OrderTimelineEntry> FieldBindings = new ContractFields<OrderTimelineEntry>()
        .Field("status", orderTimelineEntry => orderTimelineEntry.Status, (orderTimelineEntry, value) => orderTimelineEntry.Status = value)
        .Field("at", orderTimelineEntry => orderTimelineEntry.At, (orderTimelineEntry, value) => orderTimelineEntry.At = value)
        .Field("detail", orderTimelineEntry => orderTimelineEntry.Detail, (orderTimelineEntry, value) => orderTimelineEntry.Detail = value)
        .Complete();

    /// <summary>State the order reached.</summary>
    public SagaStatus Status { get; set; }

    /// <summary>When it reached it.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Extra information, e.g. a failure reason.</summary>
    public string? Detail { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<OrderTimelineEntry> Fields => FieldBindings;
}
