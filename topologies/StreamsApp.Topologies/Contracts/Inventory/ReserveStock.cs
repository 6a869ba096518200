using StreamsApp.Contracts.Orders;

namespace StreamsApp.Contracts.Inventory;

/// <summary>Command: reserve the order's items.</summary>
public sealed class ReserveStock : SagaMessage<ReserveStock>, IInventoryCommand
{
    private static readonly ContractFields<ReserveStock> FieldBindings = SagaMessageFields()
        .Field("items", reserveStock => reserveStock.Items, (reserveStock, value) => reserveStock.Items = value)
        .Complete();

    /// <summary>Lines to reserve.</summary>
    public IReadOnlyList<OrderItem> Items { get; set; } = [];

    /// <inheritdoc/>
    protected override ContractFields<ReserveStock> Fields => FieldBindings;
}
