using StreamsApp.Contracts.Common;
using StreamsApp.Contracts.Customers;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Products;

namespace StreamsApp.Worker.Embedded;

/// <summary>
/// The demo's reference data, chosen with the participants' rules (topologies/.../Participants/README.md) so that the
/// demo shows completions and every kind of failure: two customers with credit to spare and one without, products in
/// ample stock, one out of stock, and one nobody stocks.
/// </summary>
internal static class DemoCatalog
{
    /// <summary>Every demo price and credit is in this currency (the payment participant refuses others).</summary>
    public const string Currency = "EUR";

    /// <summary>A customer whose credit limit any order with a lamp exceeds: <c>insufficient credit</c>.</summary>
    public const string PoorCustomer = "c-cleo";

    /// <summary>A product in the catalogue with no units: <c>insufficient stock</c>.</summary>
    public const string OutOfStockProduct = "p-rare";

    /// <summary>A product with neither catalogue entry nor stock level: <c>unknown product</c>.</summary>
    public const string UnknownProduct = "p-ghost";

    /// <summary>A country the shipping participant does not serve.</summary>
    public const string UnservedCountry = "AQ";

    // Ample credit, so hours of demo traffic do not drain it and turn completions into failures.
    private const decimal AmpleCredit = 100_000_000m;

    private static readonly DateTimeOffset Since = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Customers who can pay for any demo order.</summary>
    public static IReadOnlyList<string> GoodCustomers { get; } = ["c-ada", "c-bob"];

    /// <summary>Units of each of <see cref="StockedProducts"/> in stock at the start: hours of demo traffic do not drain them.</summary>
    public const int AmpleStock = 1_000_000;

    /// <summary>The products in ample stock, with their prices.</summary>
    public static IReadOnlyList<(string Id, string Name, string Category, decimal Price)> StockedProducts { get; } =
    [
        ("p-book", "Stream Processing in Practice", "books", 12.50m),
        ("p-mug", "Kafka Mug", "kitchen", 8.00m),
        ("p-lamp", "Desk Lamp", "home", 39.90m),
    ];

    /// <summary>Addresses in served countries.</summary>
    public static IReadOnlyList<Address> Addresses { get; } =
    [
        Address("Ada Lovelace", "Main St 1", "Berlin", "10115", "DE"),
        Address("Bob Martin", "Rue de Rivoli 2", "Paris", "75001", "FR"),
        Address("Cleo Patra", "Damrak 3", "Amsterdam", "1012", "NL"),
    ];

    /// <summary>The customer profiles for <c>customers.profiles</c>.</summary>
    public static IReadOnlyList<Customer> Customers() =>
    [
        Customer("c-ada", "Ada Lovelace", AmpleCredit),
        Customer("c-bob", "Bob Martin", AmpleCredit),
        Customer(PoorCustomer, "Cleo Patra", 20m),
    ];

    /// <summary>The catalogue for <c>products.catalog</c>: the stocked products and the out-of-stock one.</summary>
    public static IReadOnlyList<Product> Products() =>
    [
        .. StockedProducts.Select(p => Product(p.Id, p.Name, p.Category, p.Price)),
        Product(OutOfStockProduct, "First Edition", "books", 250m),
    ];

    /// <summary>The stock levels for <c>inventory.stock</c>.</summary>
    public static IReadOnlyList<StockLevel> StockLevels() =>
    [
        .. StockedProducts.Select(p => new StockLevel { ProductId = p.Id, Available = AmpleStock, UpdatedAt = Since }),
        new StockLevel { ProductId = OutOfStockProduct, Available = 0, UpdatedAt = Since },
    ];

    /// <summary>A served address of the customer.</summary>
    public static Address Address(string recipient, string street, string city, string postalCode, string country) =>
        new() { Recipient = recipient, Street = street, City = city, PostalCode = postalCode, Country = country };

    private static Customer Customer(string id, string name, decimal creditLimit) => new()
    {
        CustomerId = id,
        Name = name,
        Email = $"{id}@example.com",
        CreditLimit = creditLimit,
        Currency = Currency,
        UpdatedAt = Since,
    };

    private static Product Product(string id, string name, string category, decimal price) => new()
    {
        ProductId = id,
        Name = name,
        Category = category,
        Price = price,
        Currency = Currency,
        UpdatedAt = Since,
    };
}
