using StreamsApp.Contracts.Orders;

namespace StreamsApp.Contracts.Inventory;

/// <summary>Compensation: give back the stock reserved for the order; idempotent.</summary>
public sealed class ReleaseStock : SagaMessage<ReleaseStock>, IInventoryCommand
{
    private static readonly ContractFields<ReleaseStock> FieldBindings = SagaMessageFields()
        .Field("items", releaseStock => releaseStock.Items, (releaseStock, value) => releaseStock.Items = value)
        .Field("reason", releaseStock => releaseStock.Reason, (releaseStock, value) => releaseStock.Reason = value)
        .Complete();

    /// <summary>Lines to release.</summary>
    public IReadOnlyList<OrderItem> Items { get; set; } = [];

    /// <summary>Why the saga compensates.</summary>
    public string Reason { get; set; } = "";

    /// <inheritdoc/>
    protected override ContractFields<ReleaseStock> Fields => FieldBindings;
}
