using System.Text.Json;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>
/// A bounded list answer (<c>{"items":[...],"truncated":false}</c>): what one worker answers from its local stores,
/// and also the merged answer of all workers, so a forwarded part and a whole read alike.
/// </summary>
/// <param name="Items">The entries, already rendered with <see cref="ContractJson"/>.</param>
/// <param name="Truncated">True when more entries matched than the limit let through.</param>
internal sealed record StorePage(IReadOnlyList<JsonElement> Items, bool Truncated)
{
    /// <summary>
    /// The first <paramref name="limit"/> of <paramref name="entries"/> in <paramref name="order"/>, rendered. A
    /// worker reads its stores one task after another, so its entries come in no overall order: one pass keeps the
    /// first limit + 1 seen so far (the extra one tells whether any were left out), never more.
    /// </summary>
    public static StorePage Of<T>(IEnumerable<T> entries, IComparer<T> order, int limit)
    {
        var kept = new PriorityQueue<T, T>(Comparer<T>.Create((x, y) => order.Compare(y, x)));
        foreach (var entry in entries)
        {
            kept.Enqueue(entry, entry);
            if (kept.Count > limit + 1)
            {
                kept.Dequeue();
            }
        }

        var first = kept.UnorderedItems.Select(item => item.Element).Order(order).ToList();
        var truncated = first.Count > limit;
        var items = first.Take(limit).Select(e => JsonSerializer.SerializeToElement<object?>(e, ContractJson.Options)).ToList();
        return new StorePage(items, truncated);
    }

    /// <summary>
    /// Several workers' pages as one: ordered by <paramref name="sortKey"/> (highest first when
    /// <paramref name="descending"/>), the first <paramref name="limit"/>.
    /// </summary>
    public static StorePage Merge(IEnumerable<StorePage> pages, Func<JsonElement, string> sortKey, int limit, bool descending = false)
    {
        var all = pages.ToList();
        var merged = all.SelectMany(p => p.Items);
        var items = (descending ? merged.OrderByDescending(sortKey, StringComparer.Ordinal) : merged.OrderBy(sortKey, StringComparer.Ordinal)).ToList();
        return new StorePage(items.Take(limit).ToList(), items.Count > limit || all.Any(p => p.Truncated));
    }
}
