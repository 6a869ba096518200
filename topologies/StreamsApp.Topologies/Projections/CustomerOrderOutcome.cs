using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Views;

namespace StreamsApp.Topologies.Projections;

/// <summary>What the customer summary needs of one order view: the row re-keyed by customer id (JSON on the internal repartition topic).</summary>
/// <param name="Status">The order's status.</param>
/// <param name="TotalAmount">The order's total.</param>
/// <param name="Currency">The total's currency.</param>
/// <param name="UpdatedAt">When the view last changed.</param>
internal sealed record CustomerOrderOutcome(SagaStatus Status, decimal TotalAmount, string Currency, DateTimeOffset UpdatedAt)
{
    public static CustomerOrderOutcome Of(OrderView view) => new(view.Status, view.TotalAmount, view.Currency, view.UpdatedAt);
}
