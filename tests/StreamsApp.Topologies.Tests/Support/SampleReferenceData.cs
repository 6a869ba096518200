using StreamsApp.Contracts.Customers;
using StreamsApp.Contracts.Products;

namespace StreamsApp.Topologies.Tests.Support;

/// <summary>Customer and product rows for the enrichment tests.</summary>
internal static class SampleReferenceData
{
    public static Customer Customer(string customerId, string name) => new()
    {
        CustomerId = customerId,
        Name = name,
        Email = $"{customerId}@example.com",
        CreditLimit = 1000m,
        Currency = "EUR",
        UpdatedAt = SampleOrders.PlacedAt,
    };

    public static Product Product(string productId, string name, string category = "books", decimal price = 10m) => new()
    {
        ProductId = productId,
        Name = name,
        Category = category,
        Price = price,
        Currency = "EUR",
        UpdatedAt = SampleOrders.PlacedAt,
    };
}
