namespace StreamsApp.Contracts.Inventory;

/// <summary>Value of inventory.commands.</summary>
public sealed class InventoryCommand : MessageEnvelope<InventoryCommand, IInventoryCommand>
{
}
