using StreamsApp.Contracts.Inventory;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>
/// A product task's stock, as records written whole: each product's level (<see cref="StockLevelMark"/>) and each
/// order's hold (<see cref="StockHold"/>). The units available are made from them: the level, less what was held
/// against it, plus what was given back since it was set. Summed when the task starts (its stores restored by then)
/// into <see cref="InventoryTopology.AvailableStore"/>, which is not change-logged, and moved with each change, so
/// under at-least-once a crash keeps or loses a hold whole and the units available always agree with the holds.
/// </summary>
internal sealed class StockLedger(
    IKeyValueStore<string, StockLevelMark> levels, IKeyValueStore<string, StockHold> holds, IKeyValueStore<string, int> available)
{
    /// <summary>A ledger over the task's three stores, which the processor must be connected to.</summary>
    public static StockLedger Of(Streams.Processing.IProcessingContext context) => new(
        context.GetStateStore<IKeyValueStore<string, StockLevelMark>>(InventoryTopology.LevelStore),
        context.GetStateStore<IKeyValueStore<string, StockHold>>(InventoryTopology.HoldStore),
        context.GetStateStore<IKeyValueStore<string, int>>(InventoryTopology.AvailableStore));

    /// <summary>Sums the units available per product from the levels and holds; the same sums however often it runs.</summary>
    public void Rebuild()
    {
        var sums = new Dictionary<string, (long Offset, int Units)>(StringComparer.Ordinal);
        foreach (var (productId, mark) in levels.All())
        {
            if (mark.Units is { } units)
            {
                sums[productId] = (mark.Offset, units);
            }
        }

        foreach (var (_, hold) in holds.All())
        {
            if (sums.TryGetValue(hold.ProductId, out var sum))
            {
                sums[hold.ProductId] = sum with { Units = sum.Units + Change(hold, sum.Offset) };
            }
        }

        foreach (var (productId, sum) in sums)
        {
            available.Put(productId, sum.Units);
        }
    }

    /// <summary>
    /// Sets a product's level from the <c>inventory.stock</c> record at <paramref name="offset"/> (null: the product
    /// is removed), unless a record at or past it already did.
    /// </summary>
    public void SetLevel(string productId, StockLevel? level, long offset)
    {
        if (levels.TryGet(productId, out var mark) && mark.Offset >= offset)
        {
            return;
        }

        levels.Put(productId, new StockLevelMark(level?.Available, offset));
        if (level is null)
        {
            available.Delete(productId, out _);
        }
        else
        {
            available.Put(productId, level.Available);
        }
    }

    /// <summary>Holds the line's units if available; why not otherwise. A line held before is held already.</summary>
    public string? Hold(StockLine line)
    {
        var key = HoldKey(line);
        if (holds.TryGet(key, out _))
        {
            return null;
        }

        if (!levels.TryGet(line.ProductId, out var mark) || !available.TryGet(line.ProductId, out var units))
        {
            return "unknown product";
        }

        if (units < line.Quantity)
        {
            return $"insufficient stock ({units} available, {line.Quantity} requested)";
        }

        Apply(key, null, new StockHold(line.ProductId, line.Quantity, mark.Offset));
        return null;
    }

    /// <summary>Gives back what the order holds of the product, once; nothing if it holds none.</summary>
    public void Release(StockLine line)
    {
        var key = HoldKey(line);
        // The product may have left the catalogue since: the hold is released against its removal and gives nothing back.
        if (holds.TryGet(key, out var hold) && hold.ReleasedAgainst is null && levels.TryGet(line.ProductId, out var mark))
        {
            Apply(key, hold, hold with { ReleasedAgainst = mark.Offset });
        }
    }

    // The record first: the units available are made from the records, and are only what they add up to.
    private void Apply(string key, StockHold? before, StockHold after)
    {
        holds.Put(key, after);
        if (levels.TryGet(after.ProductId, out var mark) && available.TryGet(after.ProductId, out var units))
        {
            available.Put(after.ProductId, units + Change(after, mark.Offset) - (before is null ? 0 : Change(before, mark.Offset)));
        }
    }

    /// <summary>What a hold changes in the units available under the level set at <paramref name="levelOffset"/>.</summary>
    private static int Change(StockHold hold, long levelOffset) =>
        (hold.ReleasedAgainst == levelOffset ? hold.Quantity : 0) - (hold.HeldAgainst == levelOffset ? hold.Quantity : 0);

    // The order id first: product ids come from the catalogue, order ids are generated and never contain a newline.
    private static string HoldKey(StockLine line) => line.OrderId + "\n" + line.ProductId;
}
