namespace StreamsApp.Contracts.Inventory;

/// <summary>A message type carried by <see cref="InventoryReply"/>.</summary>
public interface IInventoryReply : ISagaMessage
{
}
