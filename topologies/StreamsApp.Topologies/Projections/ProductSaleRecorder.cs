using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// Stores each sale line on its product's task, in the hour of the order's time, under the product and the order
/// (<see cref="ProductSales.Key"/>). Each order's line is one record, written whole, so a line redelivered on the
/// repartition topic (at-least-once repeats what followed the last commit) or sent again with a later view of the
/// order writes the same record again: an hour's sales, summed from its records when read, count each order once.
/// A line whose hour closed (its end plus the grace is at or before stream time) is dropped, as the DSL's windowed
/// aggregation drops it.
/// </summary>
/// <param name="windows">The tumbling hours and their grace.</param>
internal sealed class ProductSaleRecorder(TimeWindows windows) : IProcessor<string, ProductSaleLine, string, ProductSaleLine>
{
    private IProcessorContext<string, ProductSaleLine>? _context;
    private IWindowStore<string, ProductSaleLine>? _sales;

    public void Init(IProcessorContext<string, ProductSaleLine> context)
    {
        _context = context;
        _sales = context.GetStateStore<IWindowStore<string, ProductSaleLine>>(ProjectionStores.ProductSales);
    }

    public void Process(Record<string, ProductSaleLine> record)
    {
        if (string.IsNullOrEmpty(record.Key) || record.Value is not { } line)
        {
            return;
        }

        var window = windows.WindowsFor(record.Timestamp)[0];
        if (window.EndMs + windows.GraceMs > _context!.CurrentStreamTimeMs)
        {
            _sales!.Put(ProductSales.Key(record.Key, line.OrderId), line, window.StartMs);
        }
    }
}
