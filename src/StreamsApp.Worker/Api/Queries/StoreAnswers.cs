using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>Local answers shared by the endpoints: a key's value or 404, a page of key or window entries.</summary>
internal static class StoreAnswers
{
    /// <summary>The key's value as JSON, or 404 naming <paramref name="what"/> and the key.</summary>
    public static IResult Value(IKeyValueReader reader, KafkaStreams streams, string key, string what, bool stale = false) =>
        reader.Get(streams, key, stale) is { } value
            ? Results.Json(value, ContractJson.Options)
            : QueryProblems.NotFound($"No {what} '{key}'");

    /// <summary>Several workers' key-ordered pages as one.</summary>
    public static StorePage MergeByKey(IReadOnlyList<StorePage> pages, int limit) =>
        StorePage.Merge(pages, item => item.GetProperty("key").GetString() ?? "", limit);

    /// <summary>Several workers' window pages as one, by window start then key.</summary>
    public static StorePage MergeByWindow(IReadOnlyList<StorePage> pages, int limit) =>
        StorePage.Merge(pages, WindowEntry.SortKey, limit);

    /// <summary>A page of window entries reduced to their values (which carry their window themselves).</summary>
    public static StorePage ValuesOf(StorePage page) =>
        new([.. page.Items.Select(item => item.GetProperty("value"))], page.Truncated);

    /// <summary>A 400 for the first input error; null when there is none.</summary>
    public static IResult? BadInput(params string?[] errors) =>
        errors.FirstOrDefault(e => e is not null) is { } error ? QueryProblems.BadRequest(error) : null;

    /// <summary>The page as JSON.</summary>
    public static IResult Json(StorePage page) => Results.Json(page, ContractJson.Options);

    /// <summary>An element's string property, for ordering merged pages.</summary>
    public static string StringOf(JsonElement item, string property) => item.GetProperty(property).GetString() ?? "";
}
