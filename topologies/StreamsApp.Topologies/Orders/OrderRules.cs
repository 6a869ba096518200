using System.Collections.Frozen;
using System.Globalization;
using StreamsApp.Contracts.Orders;

namespace StreamsApp.Topologies.Orders;

/// <summary>
/// The rules an <see cref="OrderCreated"/> must follow to be accepted. An order breaking one is rejected with the
/// first broken rule as the reason, in this order: it has a value; event, order and customer ids are not blank;
/// it has at least one item; every item names a product and has a positive quantity and a positive price that is an
/// amount (<see cref="IsAmount"/>); the currency is one of <see cref="KnownCurrencies"/>; the total is an amount and
/// equals the sum of quantity × price over the items within <see cref="TotalTolerance"/>.
/// </summary>
public static class OrderRules
{
    /// <summary>
    /// How far the total may be from the exact sum of the items: half a cent, so a total rounded to cents either
    /// way is accepted while a missing or extra cent is not.
    /// </summary>
    public const decimal TotalTolerance = 0.005m;

    /// <summary>The largest amount the contracts' <c>decimal(18, 4)</c> can carry.</summary>
    public const decimal MaxAmount = 99_999_999_999_999.9999m;

    /// <summary>Whether <paramref name="value"/> fits the contracts' amounts: at most 14 integer digits and 4 decimals.</summary>
    /// <param name="value">A price or total.</param>
    public static bool IsAmount(decimal value) => Math.Abs(value) <= MaxAmount && decimal.Round(value, 4) == value;

    /// <summary>The ISO 4217 codes the shop sells in; any other currency is rejected.</summary>
    public static FrozenSet<string> KnownCurrencies { get; } = FrozenSet.Create(
        StringComparer.Ordinal, "EUR", "USD", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK", "CAD", "AUD");

    /// <summary>The first rule <paramref name="order"/> breaks, or null when it breaks none.</summary>
    /// <param name="order">The order event (null for a record without a value).</param>
    public static string? FindViolation(OrderCreated? order)
    {
        if (order is null)
        {
            return "The record has no order";
        }

        return Blank(order.EventId, "event id") ?? Blank(order.OrderId, "order id") ?? Blank(order.CustomerId, "customer id")
            ?? ItemViolation(order.Items)
            ?? (KnownCurrencies.Contains(order.Currency) ? null : $"Unknown currency: {order.Currency}")
            ?? TotalViolation(order);
    }

    /// <summary>Returns <paramref name="order"/> when it follows every rule.</summary>
    /// <param name="order">The order event.</param>
    /// <exception cref="InvalidOrderException">The order breaks a rule; the message says which.</exception>
    public static OrderCreated EnsureValid(OrderCreated? order) =>
        FindViolation(order) is { } violation ? throw new InvalidOrderException(violation) : order!;

    private static string? Blank(string value, string what) =>
        string.IsNullOrWhiteSpace(value) ? $"The order has no {what}" : null;

    private static string? ItemViolation(IReadOnlyList<OrderItem> items)
    {
        if (items.Count == 0)
        {
            return "The order has no items";
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var line = $"Item {i + 1}";
            if (string.IsNullOrWhiteSpace(item.ProductId))
            {
                return $"{line} has no product id";
            }

            if (item.Quantity <= 0)
            {
                return $"{line} ({item.ProductId}) has a quantity that is not positive: {item.Quantity}";
            }

            if (item.Price <= 0)
            {
                return $"{line} ({item.ProductId}) has a price that is not positive: {Invariant(item.Price)}";
            }

            if (!IsAmount(item.Price))
            {
                return $"{line} ({item.ProductId}) has a price with more than 14 integer digits or 4 decimals: {Invariant(item.Price)}";
            }
        }

        return null;
    }

    private static string? TotalViolation(OrderCreated order)
    {
        if (!IsAmount(order.TotalAmount))
        {
            return $"Total {Invariant(order.TotalAmount)} {order.Currency} has more than 14 integer digits or 4 decimals";
        }

        // Prices are amounts, so no product overflows; a sum past MaxAmount differs from any total that is one.
        var sum = order.Items.Sum(item => item.Quantity * item.Price);
        return Math.Abs(order.TotalAmount - sum) <= TotalTolerance
            ? null
            : $"Total {Invariant(order.TotalAmount)} {order.Currency} is not the sum of the items, {Invariant(sum)}";
    }

    // Amounts keep the scale they were written with; reasons show cents and any further digits the schema allows.
    private static string Invariant(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);
}
