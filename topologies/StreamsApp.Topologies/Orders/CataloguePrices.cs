using System.Globalization;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Products;

namespace StreamsApp.Topologies.Orders;

/// <summary>
/// Orders are priced from the product catalogue (issue 15): a line of a catalogued product must carry the catalogue's
/// price, in the catalogue's currency, so the order's total (checked against its lines by <see cref="OrderRules"/>)
/// comes from the catalogue too. A line whose price differs is rejected, not corrected: the client showed its user a
/// price that is not the shop's. A product missing from the catalogue is left to the saga, whose stock step fails it.
/// </summary>
public static class CataloguePrices
{
    /// <summary>Why the line at <paramref name="index"/> is not priced as catalogued; null when it is, or the product is unknown.</summary>
    /// <param name="index">The line's position, for the message.</param>
    /// <param name="item">The line.</param>
    /// <param name="currency">The order's currency.</param>
    /// <param name="product">The line's catalogue row; null when the product is not catalogued.</param>
    public static string? Mismatch(int index, OrderItem item, string currency, Product? product)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (product is null)
        {
            return null;
        }

        if (product.Currency != currency)
        {
            return $"items[{index}]: {product.ProductId} is sold in {product.Currency}, not {currency}";
        }

        return item.Price == product.Price
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"items[{index}].price: {product.ProductId} costs {product.Price:0.00##} {product.Currency} in the catalogue, not {item.Price:0.00##}");
    }

    /// <summary>The first line of <paramref name="order"/> not priced as catalogued; null when every line is.</summary>
    /// <param name="order">The order.</param>
    /// <param name="find">Finds a product's catalogue row; null when it is not catalogued.</param>
    public static string? FindMismatch(OrderCreated order, Func<string, Product?> find)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(find);
        return order.Items.Select((item, index) => Mismatch(index, item, order.Currency, find(item.ProductId))).FirstOrDefault(reason => reason is not null);
    }
}
