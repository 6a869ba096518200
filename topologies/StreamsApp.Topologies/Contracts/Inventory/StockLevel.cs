namespace StreamsApp.Contracts.Inventory;

/// <summary>Units of a product available for reservation.</summary>
public sealed class StockLevel : ContractRecord<StockLevel>
{
    private static readonly ContractFields<StockLevel> FieldBindings = new ContractFields<StockLevel>()
        .Field("productId", stockLevel => stockLevel.ProductId, (stockLevel, value) => stockLevel.ProductId = value)
        .Field("available", stockLevel => stockLevel.Available, (stockLevel, value) => stockLevel.Available = value)
        .Field("updatedAt", stockLevel => stockLevel.UpdatedAt, (stockLevel, value) => stockLevel.UpdatedAt = value)
        .Complete();

    /// <summary>Product; the record key.</summary>
    public string ProductId { get; set; } = "";

    /// <summary>Units that can still be reserved.</summary>
    public int Available { get; set; }

    /// <summary>When the level last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<StockLevel> Fields => FieldBindings;
}
