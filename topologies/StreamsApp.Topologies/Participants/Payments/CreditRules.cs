using StreamsApp.Contracts.Customers;
using StreamsApp.Contracts.Payments;

namespace StreamsApp.Topologies.Participants.Payments;

/// <summary>
/// When a charge fails, checked in this order: the customer has no profile ("unknown customer"); the amount is not
/// positive; its currency is not the currency of the customer's credit limit; or the amount would take the
/// customer's captured, unrefunded charges above <see cref="Customer.CreditLimit"/> ("insufficient credit").
/// </summary>
public static class CreditRules
{
    /// <summary>Why the charge fails, or null when it can be captured.</summary>
    /// <param name="command">The charge.</param>
    /// <param name="customer">The customer's profile; null when unknown.</param>
    /// <param name="spent">What the customer's captured, unrefunded charges add up to.</param>
    public static string? RefusalReason(ChargePayment command, Customer? customer, decimal spent)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (customer is null)
        {
            return "unknown customer";
        }

        if (command.Amount <= 0)
        {
            return $"invalid amount {command.Amount}";
        }

        if (!string.Equals(command.Currency, customer.Currency, StringComparison.Ordinal))
        {
            return $"currency {command.Currency} is not the customer's credit currency {customer.Currency}";
        }

        var available = customer.CreditLimit - spent;
        return command.Amount > available ? $"insufficient credit ({available} available, {command.Amount} requested)" : null;
    }
}
