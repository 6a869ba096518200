using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>
/// Holds and gives back a product's units on the product's task, the only place its stock changes, one line at a
/// time: a line is held only if that many units are available, so two orders for the last unit cannot both get it.
/// Holds are kept per order and product, which makes a redelivered reserve line and a repeated release no-ops.
/// </summary>
internal sealed class StockKeeper : IProcessor<string, StockLine, string, StockLineOutcome>
{
    private IProcessorContext<string, StockLineOutcome>? _context;
    private IKeyValueStore<string, int>? _stock;
    private IKeyValueStore<string, int>? _holds;

    public void Init(IProcessorContext<string, StockLineOutcome> context)
    {
        _context = context;
        _stock = context.GetStateStore<IKeyValueStore<string, int>>(InventoryTopology.StockStore);
        _holds = context.GetStateStore<IKeyValueStore<string, int>>(InventoryTopology.HoldStore);
    }

    public void Process(Record<string, StockLine> record)
    {
        var line = record.Value;
        var holdKey = HoldKey(line);
        if (line.Action == StockLineAction.Release)
        {
            // The product may have left the catalogue since; then there is no stock to give the units back to.
            if (_holds!.Delete(holdKey, out var held) && _stock!.TryGet(line.ProductId, out var available))
            {
                _stock.Put(line.ProductId, available + held);
            }

            return;
        }

        var shortReason = Hold(line, holdKey);
        _context!.Forward(new Record<string, StockLineOutcome>(
            line.OrderId, new StockLineOutcome(line.OrderId, line.ProductId, shortReason), record.Timestamp));
    }

    private string? Hold(StockLine line, string holdKey)
    {
        if (_holds!.TryGet(holdKey, out _))
        {
            return null;
        }

        if (!_stock!.TryGet(line.ProductId, out var available))
        {
            return "unknown product";
        }

        if (available < line.Quantity)
        {
            return $"insufficient stock ({available} available, {line.Quantity} requested)";
        }

        _stock.Put(line.ProductId, available - line.Quantity);
        _holds.Put(holdKey, line.Quantity);
        return null;
    }

    // The order id first: product ids come from the catalogue, order ids are generated and never contain a newline.
    private static string HoldKey(StockLine line) => line.OrderId + "\n" + line.ProductId;
}
