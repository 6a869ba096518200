namespace StreamsApp.Contracts.Orders;

/// <summary>One line of an order.</summary>
public sealed class OrderItem : ContractRecord<OrderItem>
{
    private static readonly ContractFields<OrderItem> FieldBindings = new ContractFields<OrderItem>()
        .Field("productId", orderItem => orderItem.ProductId, (orderItem, value) => orderItem.ProductId = value)
        .Field("quantity", orderItem => orderItem.Quantity, (orderItem, value) => orderItem.Quantity = value)
        .Field("price", orderItem => orderItem.Price, (orderItem, value) => orderItem.Price = value)
        .Complete();

    /// <summary>Product ordered.</summary>
    public string ProductId { get; set; } = "";

    /// <summary>Units ordered, at least 1.</summary>
    public int Quantity { get; set; }

    /// <summary>Unit price in the order's currency.</summary>
    public decimal Price { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<OrderItem> Fields => FieldBindings;
}
