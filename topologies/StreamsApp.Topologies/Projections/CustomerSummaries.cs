using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Views;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// Customer summaries, summed from the customer's order outcomes when read (<see cref="CustomerOrderOutcomes"/>):
/// every order counts as placed, COMPLETED ones as completed (their totals summed) and FAILED ones as failed, so no
/// count is negative and none exceeds the orders placed. Completed orders are all in the customer's credit currency
/// (the payment participant refuses any other), which is the summary's currency; before any completes, the latest
/// order's.
/// </summary>
public static class CustomerSummaries
{
    // Sorts before any character of an order id, so one customer's outcomes are one prefix and never another's.
    private const char Separator = '\0';

    /// <summary>The key of an order's outcome in <see cref="ProjectionStores.CustomerOrders"/>: the customer id, then the order id.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="orderId">The order.</param>
    /// <returns>The store key.</returns>
    public static string Key(string customerId, string orderId) => customerId + Separator + orderId;

    /// <summary>The summary of <paramref name="customerId"/> from the outcomes a store holds; null when it holds none.</summary>
    /// <param name="outcomes">A view of <see cref="ProjectionStores.CustomerOrders"/> that holds the customer's partition.</param>
    /// <param name="customerId">The customer.</param>
    /// <returns>The summary, or null for a customer with no orders there.</returns>
    public static CustomerSummary? Read(IReadOnlyKeyValueStore<string, CustomerOrderOutcome> outcomes, string customerId)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(customerId);
        return Sum(customerId, outcomes.PrefixScan(customerId + Separator, Serdes.String().Serializer).Select(entry => entry.Value));
    }

    /// <summary>The summary of <paramref name="orders"/>, all of one customer; null when there are none.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="orders">The customer's order outcomes.</param>
    /// <returns>The summary, or null.</returns>
    public static CustomerSummary? Sum(string customerId, IEnumerable<CustomerOrderOutcome> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        CustomerSummary? summary = null;
        CustomerOrderOutcome? latest = null;
        foreach (var order in orders)
        {
            summary ??= new CustomerSummary { CustomerId = customerId };
            var completed = order.Status == SagaStatus.COMPLETED;
            summary.OrdersPlaced++;
            summary.OrdersCompleted += completed ? 1 : 0;
            summary.OrdersFailed += order.Status == SagaStatus.FAILED ? 1 : 0;
            summary.TotalSpent += completed ? order.TotalAmount : 0m;
            if (completed)
            {
                summary.Currency = order.Currency;
            }

            if (latest is null || order.UpdatedAt > latest.UpdatedAt)
            {
                latest = order;
            }
        }

        if (summary is not null)
        {
            summary.UpdatedAt = latest!.UpdatedAt;
            if (summary.OrdersCompleted == 0)
            {
                summary.Currency = latest.Currency;
            }
        }

        return summary;
    }
}
