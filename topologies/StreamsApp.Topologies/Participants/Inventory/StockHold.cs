namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>
/// Units of a product held for an order, kept once released so that a redelivered line finds it. The level each
/// change was made against (<see cref="StockLevelMark.Offset"/>) says whether it still counts: a recount sets the
/// units that can be reserved from then on, so only holds and releases made since change what is available.
/// </summary>
/// <param name="ProductId">The product held.</param>
/// <param name="Quantity">Units held.</param>
/// <param name="HeldAgainst">The offset of the product's level when the units were held.</param>
/// <param name="ReleasedAgainst">The offset of the product's level when they were given back; null while held.</param>
internal sealed record StockHold(string ProductId, int Quantity, long HeldAgainst, long? ReleasedAgainst = null);
