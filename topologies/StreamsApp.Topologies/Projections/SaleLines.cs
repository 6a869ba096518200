using StreamsApp.Contracts.Views;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// Splits a completed order into one <see cref="ProductSaleLine"/> per product (an order's lines of one product
/// summed, so it counts once in that product's order count), keyed by product id and stamped with the order's time,
/// which makes the hourly windows run on the order's event time rather than on when the saga completed.
/// </summary>
internal sealed class SaleLines : IProcessor<string, OrderView, string, ProductSaleLine>
{
    private IProcessorContext<string, ProductSaleLine>? _context;

    public void Init(IProcessorContext<string, ProductSaleLine> context) => _context = context;

    public void Process(Record<string, OrderView> record)
    {
        var order = record.Value;
        var orderedAt = order.CreatedAt.ToUnixTimeMilliseconds();
        foreach (var product in order.Items.GroupBy(item => item.ProductId))
        {
            var line = new ProductSaleLine(
                order.OrderId, product.First().ProductName, order.CreatedAt, product.Sum(item => (long)item.Quantity),
                product.Sum(item => item.LineTotal), order.Currency);
            _context!.Forward(new Record<string, ProductSaleLine>(product.Key, line, orderedAt, record.Headers));
        }
    }
}
