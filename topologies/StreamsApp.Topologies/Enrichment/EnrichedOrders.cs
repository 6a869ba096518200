using StreamsApp.Contracts.Customers;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Products;

namespace StreamsApp.Topologies.Enrichment;

/// <summary>
/// Builds an <see cref="EnrichedOrder"/> from an order and the customer and product rows found for it. A row that
/// is missing leaves its fields empty (<see cref="Unknown"/>) rather than holding the order back: the order is valid
/// and the projections need it; an empty name says "not in the table when the order was enriched".
/// </summary>
public static class EnrichedOrders
{
    /// <summary>The value of a customer or product field whose row was not found.</summary>
    public const string Unknown = "";

    /// <summary>The enriched order.</summary>
    /// <param name="order">The accepted order.</param>
    /// <param name="customer">The customer's row, or null when the table has none.</param>
    /// <param name="findProduct">The catalogue row of a product id, or null when the catalogue has none.</param>
    public static EnrichedOrder Create(OrderCreated order, Customer? customer, Func<string, Product?> findProduct)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(findProduct);
        return new EnrichedOrder
        {
            EventId = order.EventId,
            OrderId = order.OrderId,
            CustomerId = order.CustomerId,
            CustomerName = customer?.Name ?? Unknown,
            CustomerEmail = customer?.Email ?? Unknown,
            Timestamp = order.Timestamp,
            Items = [.. order.Items.Select(item => Item(item, findProduct(item.ProductId)))],
            TotalAmount = order.TotalAmount,
            Currency = order.Currency,
            ShippingAddress = order.ShippingAddress,
        };
    }

    private static EnrichedOrderItem Item(OrderItem item, Product? product) => new()
    {
        ProductId = item.ProductId,
        ProductName = product?.Name ?? Unknown,
        Category = product?.Category ?? Unknown,
        Quantity = item.Quantity,
        Price = item.Price,
        LineTotal = item.Quantity * item.Price,
    };
}
