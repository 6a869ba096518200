using StreamsApp.Contracts.Products;
using StreamsApp.Streams.Dsl;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Enrichment;

/// <summary>
/// The product catalogue: <c>products.catalog</c> as a GlobalKTable, which every task (and every worker) holds in
/// full. The enrichment names each item's product from it, and the intake checks each line's price against it. A
/// topology reads a topic once, so the parts that need it share one table.
/// </summary>
public static class ProductCatalog
{
    /// <summary>The catalogue's store.</summary>
    public const string Store = "enrichment-products";

    /// <summary>Adds the catalogue table to <paramref name="builder"/>.</summary>
    /// <param name="builder">The application's builder.</param>
    /// <param name="serdes">The contract serdes.</param>
    /// <returns>The store's name, for the parts that read it.</returns>
    public static string AddTo(StreamsBuilder builder, ContractSerdes serdes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(serdes);
        builder.GlobalTable(Topics.ProductCatalog, Consumed.With(ContractSerdes.Key, serdes.Value<Product>()), Materialized.As<string, Product>(Store));
        return Store;
    }
}
