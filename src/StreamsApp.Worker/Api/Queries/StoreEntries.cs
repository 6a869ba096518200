namespace StreamsApp.Worker.Api.Queries;

/// <summary>A key-value store entry as the generic store endpoint renders it.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value (a contract type).</param>
internal sealed record KeyValueEntry(string Key, object Value)
{
    /// <summary>By key, as pages merge (ordinal).</summary>
    public static IComparer<KeyValueEntry> Order { get; } = Comparer<KeyValueEntry>.Create((x, y) => string.CompareOrdinal(x.Key, y.Key));
}

/// <summary>A window store entry as the generic store endpoint renders it.</summary>
/// <param name="Key">The key within the window.</param>
/// <param name="WindowStart">The window's start (inclusive).</param>
/// <param name="WindowEnd">The window's end (exclusive).</param>
/// <param name="Value">The value (a contract type).</param>
internal sealed record WindowEntry(string Key, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, object Value)
{
    /// <summary>By window start, then key, as pages merge.</summary>
    public static IComparer<WindowEntry> Order { get; } = Comparer<WindowEntry>.Create((x, y) =>
        x.WindowStart != y.WindowStart ? x.WindowStart.CompareTo(y.WindowStart) : string.CompareOrdinal(x.Key, y.Key));

    /// <summary>Orders rendered entries by window start, then key (ISO timestamps of fixed width sort as the times do).</summary>
    public static string SortKey(System.Text.Json.JsonElement item) =>
        item.GetProperty("windowStart").GetString() + "\n" + item.GetProperty("key").GetString();
}
