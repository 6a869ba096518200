namespace StreamsApp.Contracts.Inventory;

/// <summary>
/// Reply to ReleaseStock: whatever the order held is given back (also when nothing was held, or it was given back
/// before); the same for every redelivery.
/// </summary>
public sealed class StockReleased : SagaMessage<StockReleased>, IInventoryReply
{
    private static readonly ContractFields<StockReleased> FieldBindings = SagaMessageFields().Complete();

    /// <inheritdoc/>
    protected override ContractFields<StockReleased> Fields => FieldBindings;
}
