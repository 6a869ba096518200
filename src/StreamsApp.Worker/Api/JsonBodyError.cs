using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Api;

/// <summary>
/// Why a request body could not be read, for a 400: the JSON path of the value and what it must be
/// (<c>$.items[0].quantity: a whole number up to 2147483647</c>), or where the JSON itself is broken. Never the
/// serializer's message, which names the .NET type the value did not convert to.
/// </summary>
internal static partial class JsonBodyError
{
    /// <summary>The reason <paramref name="error"/> gives for a body read as <paramref name="bodyType"/>.</summary>
    /// <param name="error">What the serializer threw.</param>
    /// <param name="bodyType">The type the body was read as.</param>
    /// <param name="options">The serializer options it was read with (they name the JSON properties).</param>
    public static string Describe(JsonException error, Type bodyType, JsonSerializerOptions options)
    {
        var path = error.Path ?? "$";
        // The reader's own errors (broken JSON, too deep) come wrapped, and their messages name no type.
        if (error.InnerException is JsonException syntax)
        {
            var reason = syntax.Message.Split(" LineNumber:", 2)[0].Trim();
            return string.Create(
                CultureInfo.InvariantCulture, $"{path}: not valid JSON: {reason} (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1})");
        }

        return $"{path}: {Expected(At(options.GetTypeInfo(bodyType), path, options))}";
    }

    /// <summary>The type info of the value at <paramref name="path"/>; null when the path leads nowhere the type knows.</summary>
    private static JsonTypeInfo? At(JsonTypeInfo root, string path, JsonSerializerOptions options)
    {
        var info = root;
        foreach (Match segment in PathSegment().Matches(path))
        {
            var next = segment.Groups["index"].Success
                ? info.ElementType
                : info.Properties.FirstOrDefault(p => string.Equals(p.Name, segment.Groups["name"].Value, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            if (next is null)
            {
                return null;
            }

            info = options.GetTypeInfo(next);
        }

        return info;
    }

    private static string Expected(JsonTypeInfo? info) => info switch
    {
        { Kind: JsonTypeInfoKind.Object } => $"an object with {string.Join(", ", info.Properties.Select(p => p.Name))}",
        { Kind: JsonTypeInfoKind.Enumerable } => "an array",
        { Kind: JsonTypeInfoKind.None } => ValueForms.Of(info.Type),
        // A path the type does not know, which the serializer would have skipped: nothing better to say.
        _ => "a value of another kind",
    };

    // $.items[0].quantity, $['odd name']: a property by name, or an array index.
    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<name>[^']*)'\]|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegment();
}
