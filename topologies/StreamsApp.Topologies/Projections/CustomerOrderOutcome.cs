using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Views;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// One order's part in its customer's summary: what the summary needs of the order view, stored per customer and
/// order (<see cref="ProjectionStores.CustomerOrders"/>, JSON) and summed when a summary is read
/// (<see cref="CustomerSummaries"/>).
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="Status">The order's status.</param>
/// <param name="TotalAmount">The order's total.</param>
/// <param name="Currency">The total's currency.</param>
/// <param name="UpdatedAt">When the view last changed.</param>
/// <param name="SagaVersion">The last saga version the view applied.</param>
/// <param name="HasItems">Whether the enriched order had reached the view.</param>
public sealed record CustomerOrderOutcome(
    string OrderId, SagaStatus Status, decimal TotalAmount, string Currency, DateTimeOffset UpdatedAt, long SagaVersion, bool HasItems)
{
    /// <summary>The outcome of <paramref name="view"/>.</summary>
    /// <param name="view">An order view.</param>
    /// <returns>Its part in the customer's summary.</returns>
    public static CustomerOrderOutcome Of(OrderView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.OrderId, view.Status, view.TotalAmount, view.Currency, view.UpdatedAt, view.SagaVersion, view.HasItems());
    }

    /// <summary>
    /// Whether this outcome comes from a later view of the order than <paramref name="stored"/>: views only move
    /// forward (a further status, the enriched order arriving, a newer saga version), so one that is not later is a
    /// redelivery and changes nothing.
    /// </summary>
    /// <param name="stored">The outcome stored for the order.</param>
    /// <returns>Whether to store this one in its place.</returns>
    public bool IsLaterThan(CustomerOrderOutcome stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return (Status.IsAfter(stored.Status), stored.Status.IsAfter(Status)) switch
        {
            (true, _) => true,
            (_, true) => false,
            _ => HasItems != stored.HasItems ? HasItems : SagaVersion > stored.SagaVersion,
        };
    }
}
