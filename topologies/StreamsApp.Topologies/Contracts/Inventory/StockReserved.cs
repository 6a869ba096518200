using StreamsApp.Contracts.Orders;

namespace StreamsApp.Contracts.Inventory;

/// <summary>Reply: every line was reserved.</summary>
public sealed class StockReserved : SagaMessage<StockReserved>, IInventoryReply
{
    private static readonly ContractFields<StockReserved> FieldBindings = SagaMessageFields()
        .Field("items", stockReserved => stockReserved.Items, (stockReserved, value) => stockReserved.Items = value)
        .Complete();

    /// <summary>Lines reserved.</summary>
    public IReadOnlyList<OrderItem> Items { get; set; } = [];

    /// <inheritdoc/>
    protected override ContractFields<StockReserved> Fields => FieldBindings;
}
