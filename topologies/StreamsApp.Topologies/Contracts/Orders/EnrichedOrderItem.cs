namespace StreamsApp.Contracts.Orders;

/// <summary>An order line with the product's catalogue data.</summary>
public sealed class EnrichedOrderItem : ContractRecord<EnrichedOrderItem>
{
    private static readonly ContractFields<EnrichedOrderItem> FieldBindings = new ContractFields<EnrichedOrderItem>()
        .Field("productId", enrichedOrderItem => enrichedOrderItem.ProductId, (enrichedOrderItem, value) => enrichedOrderItem.ProductId = value)
        .Field("productName", enrichedOrderItem => enrichedOrderItem.ProductName, (enrichedOrderItem, value) => enrichedOrderItem.ProductName = value)
        .Field("category", enrichedOrderItem => enrichedOrderItem.Category, (enrichedOrderItem, value) => enrichedOrderItem.Category = value)
        .Field("quantity", enrichedOrderItem => enrichedOrderItem.Quantity, (enrichedOrderItem, value) => enrichedOrderItem.Quantity = value)
        .Field("price", enrichedOrderItem => enrichedOrderItem.Price, (enrichedOrderItem, value) => enrichedOrderItem.Price = value)
        .Field("lineTotal", enrichedOrderItem => enrichedOrderItem.LineTotal, (enrichedOrderItem, value) => enrichedOrderItem.LineTotal = value)
        .Complete();

    /// <summary>Product ordered.</summary>
    public string ProductId { get; set; } = "";

    /// <summary>Product name from the catalogue at enrichment time.</summary>
    public string ProductName { get; set; } = "";

    /// <summary>Product category from the catalogue at enrichment time.</summary>
    public string Category { get; set; } = "";

    /// <summary>Units ordered.</summary>
    public int Quantity { get; set; }

    /// <summary>Unit price in the order's currency.</summary>
    public decimal Price { get; set; }

    /// <summary>quantity * price.</summary>
    public decimal LineTotal { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<EnrichedOrderItem> Fields => FieldBindings;
}
