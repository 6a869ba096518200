using StreamsApp.Streams.Processing;

namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>
/// Holds and gives back a product's units on the product's task, the only place its stock changes, one line at a
/// time: a line is held only if that many units are available, so two orders for the last unit cannot both get it.
/// Holds are kept per order and product (<see cref="StockLedger"/>), which makes a redelivered reserve line and a
/// repeated release no-ops.
/// </summary>
internal sealed class StockKeeper : IProcessor<string, StockLine, string, StockLineOutcome>
{
    private IProcessorContext<string, StockLineOutcome>? _context;
    private StockLedger? _ledger;

    public void Init(IProcessorContext<string, StockLineOutcome> context)
    {
        _context = context;
        // The task's StockLevelWriter has made the sums (StockLedger.Rebuild): every processor's Init runs first.
        _ledger = StockLedger.Of(context);
    }

    public void Process(Record<string, StockLine> record)
    {
        var line = record.Value;
        if (line.Action == StockLineAction.Release)
        {
            _ledger!.Release(line);
            return;
        }

        var shortReason = _ledger!.Hold(line);
        _context!.Forward(new Record<string, StockLineOutcome>(
            line.OrderId, new StockLineOutcome(line.OrderId, line.ProductId, shortReason), record.Timestamp));
    }
}
