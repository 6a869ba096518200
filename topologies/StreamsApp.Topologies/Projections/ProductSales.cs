using StreamsApp.Contracts.Views;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// Hourly product sales, summed from the orders' sale lines when read (<see cref="ProductSaleRecorder"/>): each
/// completed order counts once in the hour of its time, with its units and line totals of the product.
/// </summary>
public static class ProductSales
{
    // Sorts before any character of an order id, so one product's lines are one key range and never another's.
    private const char Separator = '\0';

    /// <summary>The key of an order's line in <see cref="ProjectionStores.ProductSales"/>: the product id, then the order id.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="orderId">The order.</param>
    /// <returns>The store key.</returns>
    public static string Key(string productId, string orderId) => productId + Separator + orderId;

    /// <summary>The hours of <paramref name="productId"/> with sales that start from <paramref name="fromMs"/> to <paramref name="toMs"/>, oldest first.</summary>
    /// <param name="lines">A view of <see cref="ProjectionStores.ProductSales"/> that holds the product's partition.</param>
    /// <param name="productId">The product.</param>
    /// <param name="fromMs">The earliest hour start, epoch milliseconds.</param>
    /// <param name="toMs">The latest hour start, epoch milliseconds.</param>
    /// <returns>One entry per hour with sales.</returns>
    public static IReadOnlyList<ProductSalesPerHour> Read(IReadOnlyWindowStore<string, ProductSaleLine> lines, string productId, long fromMs, long toMs)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(productId);
        // Every key of the product sorts from "product\0" up to, not including, "product\u0001", which no line has.
        return [.. lines.Fetch(productId + Separator, productId + (char)(Separator + 1), fromMs, toMs)
            .GroupBy(sale => sale.Key.Window.StartMs)
            .OrderBy(hour => hour.Key)
            .Select(hour => new ProductSalesPerHour
            {
                ProductId = productId,
                ProductName = hour.MaxBy(sale => sale.Value.OrderedAt)!.Value.ProductName,
                WindowStart = DateTimeOffset.FromUnixTimeMilliseconds(hour.Key),
                WindowEnd = DateTimeOffset.FromUnixTimeMilliseconds(hour.First().Key.Window.EndMs),
                UnitsSold = hour.Sum(sale => sale.Value.Units),
                OrderCount = hour.Count(),
                Revenue = hour.Sum(sale => sale.Value.Revenue),
                Currency = hour.First().Value.Currency,
            })];
    }
}
