namespace StreamsApp.Worker.Api.Queries;

/// <summary>A key-value store entry as the generic store endpoint renders it.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value (a contract type).</param>
internal sealed record KeyValueEntry(string Key, object Value);

/// <summary>A window store entry as the generic store endpoint renders it.</summary>
/// <param name="Key">The key within the window.</param>
/// <param name="WindowStart">The window's start (inclusive).</param>
/// <param name="WindowEnd">The window's end (exclusive).</param>
/// <param name="Value">The value (a contract type).</param>
internal sealed record WindowEntry(string Key, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, object Value)
{
    /// <summary>Orders entries by window start, then key (ISO timestamps of fixed width sort as the times do).</summary>
    public static string SortKey(System.Text.Json.JsonElement item) =>
        item.GetProperty("windowStart").GetString() + "\n" + item.GetProperty("key").GetString();
}
