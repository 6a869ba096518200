using Avro.Specific;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Views;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// Folds an order's enriched order and its saga's state changes, in any order, into its <see cref="OrderView"/>.
/// The enriched order brings the customer's name, the items with product names and the order's time; each state
/// change adds one timeline entry for a state the view has not reached yet. The view keeps the last saga version it
/// applied (<see cref="OrderView.SagaVersion"/>): a version at or below it, redelivered under at-least-once, changes
/// nothing, and a state from before versions is applied only if its status is new (it never moves the status back,
/// see <see cref="SagaProgress"/>). Until the enriched order arrives the view has no
/// items, the saga's total and currency, and the saga's start as its creation time; until the first state arrives
/// it is STARTED with an empty timeline. Every fold returns a new view: the store's value is never changed in place.
/// </summary>
internal static class OrderViews
{
    /// <summary>The view after <paramref name="input"/> (an <see cref="EnrichedOrder"/> or a <see cref="SagaState"/>).</summary>
    public static OrderView Apply(string orderId, ISpecificRecord input, OrderView view) => input switch
    {
        EnrichedOrder order => With(orderId, view, order),
        SagaState state => With(orderId, view, state),
        _ => view,
    };

    /// <summary>Whether the enriched order has reached the view (an accepted order always has items).</summary>
    public static bool HasItems(this OrderView view) => view.Items.Count > 0;

    private static OrderView With(string orderId, OrderView view, EnrichedOrder order)
    {
        var next = Copy(orderId, view);
        next.CustomerId = order.CustomerId;
        next.CustomerName = order.CustomerName;
        next.Items = order.Items;
        next.TotalAmount = order.TotalAmount;
        next.Currency = order.Currency;
        next.CreatedAt = order.Timestamp;
        next.UpdatedAt = Later(view.UpdatedAt, order.Timestamp);
        return next;
    }

    private static OrderView With(string orderId, OrderView view, SagaState state)
    {
        if (state.Version > 0 ? state.Version <= view.SagaVersion : view.Timeline.Any(entry => entry.Status == state.Status))
        {
            return view;
        }

        var next = Copy(orderId, view);
        next.SagaVersion = Math.Max(view.SagaVersion, state.Version);
        if (view.Timeline.Any(entry => entry.Status == state.Status))
        {
            // A newer version in a state the view shows (a compensation confirmed or asked again): only the version moves.
            return next;
        }

        var entry = new OrderTimelineEntry
        {
            Status = state.Status,
            At = state.UpdatedAt,
            Detail = state.Status is SagaStatus.COMPENSATING or SagaStatus.FAILED ? state.FailureReason : null,
        };
        // Oldest first is furthest-along last (SagaProgress), whichever order the changes arrived in.
        next.Timeline = [.. view.Timeline.Append(entry).OrderBy(step => step.Status)];
        next.Status = next.Timeline[^1].Status;
        next.UpdatedAt = Later(view.UpdatedAt, state.UpdatedAt);
        if (string.IsNullOrEmpty(next.CustomerId))
        {
            next.CustomerId = state.CustomerId;
        }

        if (!view.HasItems())
        {
            next.TotalAmount = state.TotalAmount;
            next.Currency = state.Currency;
            next.CreatedAt = state.StartedAt;
        }

        return next;
    }

    private static OrderView Copy(string orderId, OrderView view) => new()
    {
        OrderId = orderId,
        CustomerId = view.CustomerId,
        CustomerName = view.CustomerName,
        Status = view.Status,
        Timeline = view.Timeline,
        Items = view.Items,
        TotalAmount = view.TotalAmount,
        Currency = view.Currency,
        CreatedAt = view.CreatedAt,
        UpdatedAt = view.UpdatedAt,
        SagaVersion = view.SagaVersion,
    };

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
