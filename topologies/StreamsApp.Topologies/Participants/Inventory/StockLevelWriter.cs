using StreamsApp.Contracts.Inventory;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>
/// Applies <c>inventory.stock</c> on the product's task: a <see cref="StockLevel"/> sets the units that can still be
/// reserved (a recount or restock by the stock owner), a tombstone removes the product. Each level is applied once,
/// in offset order (<see cref="StockLevelMark"/>).
/// </summary>
internal sealed class StockLevelWriter : IProcessor<string, StockLevel, string, StockLevel>
{
    private IProcessorContext<string, StockLevel>? _context;
    private StockLedger? _ledger;

    public void Init(IProcessorContext<string, StockLevel> context)
    {
        _context = context;
        _ledger = StockLedger.Of(context);
        // Once per task, for its stock keepers too: the inventory topology puts this processor in every task that
        // keeps stock, and a task initializes all its processors before any handles a record.
        _ledger.Rebuild();
    }

    // A tombstone arrives as a null value although the contract type is not nullable.
    public void Process(Record<string, StockLevel> record) =>
        _ledger!.SetLevel(record.Key, record.Value, _context!.RecordMetadata?.Offset
            ?? throw new InvalidOperationException("a stock level is applied from the inventory.stock record that carries it"));
}
