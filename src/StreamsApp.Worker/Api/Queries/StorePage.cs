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
    /// <summary>The first <paramref name="limit"/> of <paramref name="entries"/>, rendered; reads one more to tell whether any were left out.</summary>
    public static StorePage Of<T>(IEnumerable<T> entries, int limit)
    {
        var items = entries.Take(limit + 1).Select(e => JsonSerializer.SerializeToElement<object?>(e, ContractJson.Options)).ToList();
        var truncated = items.Count > limit;
        return new StorePage(truncated ? items[..limit] : items, truncated);
    }

    /// <summary>Several workers' pages as one: ordered by <paramref name="sortKey"/>, the first <paramref name="limit"/>.</summary>
    public static StorePage Merge(IEnumerable<StorePage> pages, Func<JsonElement, string> sortKey, int limit)
    {
        var all = pages.ToList();
        var items = all.SelectMany(p => p.Items).OrderBy(sortKey, StringComparer.Ordinal).ToList();
        return new StorePage(items.Take(limit).ToList(), items.Count > limit || all.Any(p => p.Truncated));
    }
}
