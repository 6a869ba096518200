namespace StreamsApp.Contracts.Views;

/// <summary>Read model: a product's sales in one hour (tumbling window).</summary>
public sealed class ProductSalesPerHour : ContractRecord<ProductSalesPerHour>
{
    private static readonly ContractFields<ProductSalesPerHour> FieldBindings = new ContractFields<ProductSalesPerHour>()
        .Field("productId", productSalesPerHour => productSalesPerHour.ProductId, (productSalesPerHour, value) => productSalesPerHour.ProductId = value)
        .Field("productName", productSalesPerHour => productSalesPerHour.ProductName, (productSalesPerHour, value) => productSalesPerHour.ProductName = value)
        .Field("windowStart", productSalesPerHour => productSalesPerHour.WindowStart, (productSalesPerHour, value) => productSalesPerHour.WindowStart = value)
        .Field("windowEnd", productSalesPerHour => productSalesPerHour.WindowEnd, (productSalesPerHour, value) => productSalesPerHour.WindowEnd = value)
        .Field("unitsSold", productSalesPerHour => productSalesPerHour.UnitsSold, (productSalesPerHour, value) => productSalesPerHour.UnitsSold = value)
        .Field("orderCount", productSalesPerHour => productSalesPerHour.OrderCount, (productSalesPerHour, value) => productSalesPerHour.OrderCount = value)
        .Field("revenue", productSalesPerHour => productSalesPerHour.Revenue, (productSalesPerHour, value) => productSalesPerHour.Revenue = value)
        .Field("currency", productSalesPerHour => productSalesPerHour.Currency, (productSalesPerHour, value) => productSalesPerHour.Currency = value)
        .Complete();

    /// <summary>Product id.</summary>
    public string ProductId { get; set; } = "";

    /// <summary>Product name.</summary>
    public string ProductName { get; set; } = "";

    /// <summary>Start of the hour, inclusive.</summary>
    public DateTimeOffset WindowStart { get; set; }

    /// <summary>End of the hour, exclusive.</summary>
    public DateTimeOffset WindowEnd { get; set; }

    /// <summary>Units ordered in the hour.</summary>
    public long UnitsSold { get; set; }

    /// <summary>Orders containing the product in the hour.</summary>
    public long OrderCount { get; set; }

    /// <summary>Sum of the line totals in the hour.</summary>
    public decimal Revenue { get; set; }

    /// <summary>ISO 4217 currency code of revenue.</summary>
    public string Currency { get; set; } = "";

    /// <inheritdoc/>
    protected override ContractFields<ProductSalesPerHour> Fields => FieldBindings;
}
