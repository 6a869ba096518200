using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Views;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// The adder and subtractor of the customer summary, a re-grouping of the order views by customer id: each view
/// counts as one placed order, COMPLETED ones as completed (their totals summed) and FAILED ones as failed. When a
/// view changes, the table subtracts its old row and adds the new one, so a redelivered state change, which leaves
/// the view as it was, changes nothing. Completed orders are all in the customer's credit currency (the payment
/// participant refuses any other), which is the summary's currency; before any completes, the latest order's.
/// </summary>
internal static class CustomerSummaries
{
    public static CustomerSummary Add(string customerId, CustomerOrderOutcome order, CustomerSummary summary) =>
        Fold(customerId, order, summary, +1);

    public static CustomerSummary Subtract(string customerId, CustomerOrderOutcome order, CustomerSummary summary) =>
        Fold(customerId, order, summary, -1);

    private static CustomerSummary Fold(string customerId, CustomerOrderOutcome order, CustomerSummary summary, int sign)
    {
        var completed = order.Status == SagaStatus.COMPLETED;
        return new CustomerSummary
        {
            CustomerId = customerId,
            OrdersPlaced = summary.OrdersPlaced + sign,
            OrdersCompleted = summary.OrdersCompleted + (completed ? sign : 0),
            OrdersFailed = summary.OrdersFailed + (order.Status == SagaStatus.FAILED ? sign : 0),
            TotalSpent = summary.TotalSpent + (completed ? sign * order.TotalAmount : 0m),
            Currency = sign > 0 && (completed || summary.OrdersCompleted == 0) ? order.Currency : summary.Currency,
            UpdatedAt = order.UpdatedAt > summary.UpdatedAt ? order.UpdatedAt : summary.UpdatedAt,
        };
    }
}
