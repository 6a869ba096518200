namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>
/// A product's last stock level and the offset of the <c>inventory.stock</c> record that set it, on the product's task.
/// The offset orders levels: a level read again after a crash (at or below the mark's offset) changes nothing, so it
/// cannot wipe out holds made since.
/// </summary>
/// <param name="Units">Units that could be reserved when the level was set; null once the product was removed.</param>
/// <param name="Offset">The offset of the record that set it.</param>
internal sealed record StockLevelMark(int? Units, long Offset);
