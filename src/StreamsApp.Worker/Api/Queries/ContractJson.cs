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

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutAvroPlumbing } },
        };
        // No naming policy: the C# member names are the Avro symbols (STOCK_RESERVED).
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
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
