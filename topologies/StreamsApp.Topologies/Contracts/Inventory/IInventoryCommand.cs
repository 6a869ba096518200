namespace StreamsApp.Contracts.Inventory;

/// <summary>A message type carried by <see cref="InventoryCommand"/>.</summary>
public interface IInventoryCommand : ISagaMessage
{
}
