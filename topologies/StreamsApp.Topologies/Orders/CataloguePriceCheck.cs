using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Products;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Orders;

/// <summary>
/// Rejects an order whose lines are not priced as the catalogue prices them (<see cref="CataloguePrices"/>), reading
/// the catalogue GlobalKTable's store; the rejection goes to <c>orders.events.DLT</c> with the reason.
/// </summary>
/// <param name="catalogStore">The catalogue's store.</param>
internal sealed class CataloguePriceCheck(string catalogStore) : IFixedKeyProcessor<string, OrderCreated, OrderCreated>
{
    private IFixedKeyProcessorContext<string, OrderCreated>? _context;
    private ITimestampedKeyValueStore<string, Product>? _catalog;

    public void Init(IFixedKeyProcessorContext<string, OrderCreated> context)
    {
        _context = context;
        _catalog = context.GetStateStore<ITimestampedKeyValueStore<string, Product>>(catalogStore);
    }

    /// <exception cref="InvalidOrderException">A line's price or currency is not the catalogue's.</exception>
    public void Process(FixedKeyRecord<string, OrderCreated> record)
    {
        if (CataloguePrices.FindMismatch(record.Value, productId => _catalog!.TryGet(productId, out var row) ? row.Value : null) is { } reason)
        {
            throw new InvalidOrderException(reason);
        }

        _context!.Forward(record);
    }
}
