using StreamsApp.Contracts.Inventory;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>
/// Applies <c>inventory.stock</c> to the stock store on the product's task: a <see cref="StockLevel"/> sets the units
/// that can still be reserved (a recount or restock by the stock owner), a tombstone removes the product.
/// </summary>
internal sealed class StockLevelWriter : IProcessor<string, StockLevel, string, StockLevel>
{
    private IKeyValueStore<string, int>? _stock;

    public void Init(IProcessorContext<string, StockLevel> context) =>
        _stock = context.GetStateStore<IKeyValueStore<string, int>>(InventoryTopology.StockStore);

    // A tombstone arrives as a null value although the contract type is not nullable.
    public void Process(Record<string, StockLevel> record)
    {
        if (record.Value is null)
        {
            _stock!.Delete(record.Key, out _);
        }
        else
        {
            _stock!.Put(record.Key, record.Value.Available);
        }
    }
}
