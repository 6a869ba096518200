using StreamsApp.Contracts.Products;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Hosting;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Enrichment;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Api;

/// <summary>
/// Reads the product catalogue (<see cref="ProductCatalog"/>), a global store every worker running the intake or the
/// enrichment holds in full, so no query is forwarded.
/// </summary>
internal static class ProductCatalogueReader
{
    /// <summary>Finds a product's catalogue row; null when this worker cannot read the catalogue now (not in its parts, not running).</summary>
    /// <param name="instance">The worker's streams instance.</param>
    public static Func<string, Product?>? Open(IKafkaStreamsInstance instance)
    {
        if (instance.Streams is not { } streams || !instance.Description.GlobalStores.Any(store => store.Processor.Stores.Contains(ProductCatalog.Store)))
        {
            return null;
        }

        try
        {
            var catalogue = streams.Store(StoreQueryParameters<IReadOnlyKeyValueStore<string, Product>>.FromNameAndType(
                ProductCatalog.Store, QueryableStoreTypes.KeyValueStore<string, Product>()));
            return productId => catalogue.TryGet(productId, out var product) ? product : null;
        }
        catch (InvalidStateStoreException)
        {
            return null;
        }
    }
}
