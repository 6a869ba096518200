namespace StreamsApp.Contracts.Inventory;

/// <summary>Reply: the order cannot be reserved; nothing was reserved.</summary>
public sealed class StockFailed : SagaMessage<StockFailed>, IInventoryReply
{
    private static readonly ContractFields<StockFailed> FieldBindings = SagaMessageFields()
        .Field("reason", stockFailed => stockFailed.Reason, (stockFailed, value) => stockFailed.Reason = value)
        .Field("productIds", stockFailed => stockFailed.ProductIds, (stockFailed, value) => stockFailed.ProductIds = value)
        .Complete();

    /// <summary>Why the reservation failed.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Products short of stock.</summary>
    public IReadOnlyList<string> ProductIds { get; set; } = [];

    /// <inheritdoc/>
    protected override ContractFields<StockFailed> Fields => FieldBindings;
}
