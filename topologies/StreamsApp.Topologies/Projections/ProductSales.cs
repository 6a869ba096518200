using StreamsApp.Contracts.Views;
using StreamsApp.Streams.Dsl;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// The aggregator of the hourly product sales: adds a sale line to its product's window. The window's bounds are
/// those the line's timestamp (the order's time) falls in, which is the window the aggregation puts it in.
/// </summary>
/// <param name="windows">The tumbling windows of the aggregation.</param>
internal sealed class ProductSales(TimeWindows windows)
{
    public ProductSalesPerHour Add(string productId, ProductSaleLine line, ProductSalesPerHour sales)
    {
        var window = windows.WindowsFor(line.OrderedAt.ToUnixTimeMilliseconds())[0];
        return new ProductSalesPerHour
        {
            ProductId = productId,
            ProductName = line.ProductName,
            WindowStart = DateTimeOffset.FromUnixTimeMilliseconds(window.StartMs),
            WindowEnd = DateTimeOffset.FromUnixTimeMilliseconds(window.EndMs),
            UnitsSold = sales.UnitsSold + line.Units,
            OrderCount = sales.OrderCount + 1,
            Revenue = sales.Revenue + line.Revenue,
            Currency = line.Currency,
        };
    }
}
