namespace StreamsApp.Contracts.Products;

/// <summary>A catalogue product (the products GlobalKTable's value).</summary>
public sealed class Product : ContractRecord<Product>
{
    private static readonly ContractFields<Product> FieldBindings = new ContractFields<Product>()
        .Field("productId", product => product.ProductId, (product, value) => product.ProductId = value)
        .Field("name", product => product.Name, (product, value) => product.Name = value)
        .Field("category", product => product.Category, (product, value) => product.Category = value)
        .Field("price", product => product.Price, (product, value) => product.Price = value)
        .Field("currency", product => product.Currency, (product, value) => product.Currency = value)
        .Field("updatedAt", product => product.UpdatedAt, (product, value) => product.UpdatedAt = value)
        .Complete();

    /// <summary>Product id; the record key.</summary>
    public string ProductId { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Catalogue category.</summary>
    public string Category { get; set; } = "";

    /// <summary>List price.</summary>
    public decimal Price { get; set; }

    /// <summary>ISO 4217 currency code of the list price.</summary>
    public string Currency { get; set; } = "";

    /// <summary>When the record last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<Product> Fields => FieldBindings;
}
