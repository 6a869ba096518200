namespace StreamsApp.Contracts.Inventory;

/// <summary>Value of inventory.replies.</summary>
public sealed class InventoryReply : MessageEnvelope<InventoryReply, IInventoryReply>
{
}
