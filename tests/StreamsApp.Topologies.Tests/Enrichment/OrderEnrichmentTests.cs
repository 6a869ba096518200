using StreamsApp.Topologies.Enrichment;
using StreamsApp.Topologies.Tests.Support;
using static StreamsApp.Topologies.Tests.Support.SampleReferenceData;

namespace StreamsApp.Topologies.Tests.Enrichment;

public sealed class OrderEnrichmentTests : IDisposable
{
    private readonly OrderEnrichmentDriver _enrichment = new();

    [Fact]
    public void AnOrderCarriesItsCustomerAndTheNameAndCategoryOfEveryProduct()
    {
        _enrichment.Pipe(Customer("c-1", "Ada Lovelace"));
        _enrichment.Pipe(Product("p-1", "Analytical Engine Manual", "books"));
        _enrichment.Pipe(Product("p-2", "Punched Cards", "supplies"));
        var order = SampleOrders.Valid("o-1", "e-1", "c-1");

        _enrichment.Pipe(order);

        var (key, enriched) = _enrichment.Enriched.ReadKeyValue();
        Assert.Equal("o-1", key);
        Assert.Equal(("e-1", "o-1", "c-1"), (enriched.EventId, enriched.OrderId, enriched.CustomerId));
        Assert.Equal(("Ada Lovelace", "c-1@example.com"), (enriched.CustomerName, enriched.CustomerEmail));
        Assert.Equal(
            [("p-1", "Analytical Engine Manual", "books", 2, 10.00m, 20.00m), ("p-2", "Punched Cards", "supplies", 1, 5.50m, 5.50m)],
            enriched.Items.Select(item => (item.ProductId, item.ProductName, item.Category, item.Quantity, item.Price, item.LineTotal)));
        Assert.Equal((order.Timestamp, order.TotalAmount, order.Currency), (enriched.Timestamp, enriched.TotalAmount, enriched.Currency));
        Assert.Equal(order.ShippingAddress.City, enriched.ShippingAddress.City);
        Assert.True(_enrichment.Enriched.IsEmpty);
    }

    [Fact]
    public void ACustomerUpdateShowsInLaterOrdersOnly()
    {
        _enrichment.Pipe(Customer("c-1", "Ada Byron"));
        _enrichment.Pipe(SampleOrders.Valid("o-1", "e-1", "c-1"));
        _enrichment.Pipe(Customer("c-1", "Ada Lovelace"));
        _enrichment.Pipe(SampleOrders.Valid("o-2", "e-2", "c-1"));

        Assert.Equal(
            [("o-1", "Ada Byron"), ("o-2", "Ada Lovelace")],
            _enrichment.Enriched.ReadValuesToList().Select(enriched => (enriched.OrderId, enriched.CustomerName)));
    }

    [Fact]
    public void AProductUpdateShowsInLaterOrders()
    {
        _enrichment.Pipe(Product("p-1", "Manual"));
        _enrichment.Pipe(SampleOrders.Valid("o-1", "e-1"));
        _enrichment.Pipe(Product("p-1", "Manual, 2nd edition"));
        _enrichment.Pipe(SampleOrders.Valid("o-2", "e-2"));

        Assert.Equal(
            ["Manual", "Manual, 2nd edition"],
            _enrichment.Enriched.ReadValuesToList().Select(enriched => enriched.Items[0].ProductName));
    }

    [Fact]
    public void AnOrderOfAnUnknownCustomerIsEnrichedWithEmptyCustomerFields()
    {
        _enrichment.Pipe(Product("p-1", "Manual"));

        _enrichment.Pipe(SampleOrders.Valid("o-1", "e-1", "c-unknown"));

        var enriched = _enrichment.Enriched.ReadValue();
        Assert.Equal(("c-unknown", EnrichedOrders.Unknown, EnrichedOrders.Unknown), (enriched.CustomerId, enriched.CustomerName, enriched.CustomerEmail));
        Assert.Equal("Manual", enriched.Items[0].ProductName);
    }

    [Fact]
    public void AnItemOfAnUnknownProductKeepsItsOrderLineWithEmptyProductFields()
    {
        _enrichment.Pipe(Customer("c-1", "Ada Lovelace"));
        _enrichment.Pipe(Product("p-1", "Manual"));

        _enrichment.Pipe(SampleOrders.Valid("o-1", "e-1", "c-1"));

        var items = _enrichment.Enriched.ReadValue().Items;
        Assert.Equal(("p-1", "Manual", "books"), (items[0].ProductId, items[0].ProductName, items[0].Category));
        Assert.Equal(("p-2", EnrichedOrders.Unknown, EnrichedOrders.Unknown, 1, 5.50m), (items[1].ProductId, items[1].ProductName, items[1].Category, items[1].Quantity, items[1].LineTotal));
    }

    public void Dispose() => _enrichment.Dispose();
}
