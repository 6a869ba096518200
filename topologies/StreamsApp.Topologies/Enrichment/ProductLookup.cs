using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Products;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Enrichment;

/// <summary>
/// Completes a <see cref="CustomerOrder"/> with the catalogue row of each item's product, read from the products
/// GlobalKTable's store, which every task holds in full. It does per item what the DSL's stream-GlobalKTable join
/// does per record: joining item by item in the DSL would mean splitting the order into items and aggregating them
/// back, a stateful step that must guess when an order is complete and emits partial orders meanwhile.
/// </summary>
/// <param name="catalogStore">The products GlobalKTable's store name.</param>
internal sealed class ProductLookup(string catalogStore) : IFixedKeyProcessor<string, CustomerOrder, EnrichedOrder>
{
    private IFixedKeyProcessorContext<string, EnrichedOrder>? _context;
    private ITimestampedKeyValueStore<string, Product>? _catalog;

    public void Init(IFixedKeyProcessorContext<string, EnrichedOrder> context)
    {
        _context = context;
        _catalog = context.GetStateStore<ITimestampedKeyValueStore<string, Product>>(catalogStore);
    }

    public void Process(FixedKeyRecord<string, CustomerOrder> record)
    {
        var (order, customer) = record.Value;
        _context!.Forward(record.WithValue(EnrichedOrders.Create(order, customer, FindProduct)));
    }

    private Product? FindProduct(string productId) => _catalog!.TryGet(productId, out var row) ? row.Value : null;
}
