using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Avro.Specific;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>
/// How the query endpoints render Avro contract types as JSON: camelCase properties, enums as their Avro symbols,
/// timestamps as ISO-8601 UTC with milliseconds, decimals as JSON numbers, and no Avro <c>Schema</c> property.
/// </summary>
internal static class ContractJson
{
    /// <summary>The serializer options for contract types (also reads back what it writes, for forwarded answers).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// Gives <paramref name="options"/> the shape <see cref="Options"/> writes contract types in (their properties,
    /// enums as symbols): the worker's HTTP JSON options get it, so that the API description's schemas show what the
    /// query endpoints write. Timestamps keep the default converter there, whose schema is a date-time string.
    /// </summary>
    /// <param name="options">Options with the web defaults.</param>
    public static void ConfigureShape(JsonSerializerOptions options)
    {
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(WithoutAvroPlumbing);
        // No naming policy: the C# member names are the Avro symbols (STOCK_RESERVED).
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ConfigureShape(options);
        options.Converters.Add(new UtcTimestampConverter());
        options.MakeReadOnly();
        return options;
    }

    // ISpecificRecord exposes the schema for Apache.Avro; a JSON client has no use for it.
    private static void WithoutAvroPlumbing(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || !typeof(ISpecificRecord).IsAssignableFrom(type.Type))
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Name == "schema")
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
