using Avro;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>Parsing schema text as a registry does: invalid text is a registry error, not an Avro exception.</summary>
internal static class AvroSchemaText
{
    /// <summary>Parses <paramref name="schema"/>, or throws a <see cref="Confluent.SchemaRegistry.SchemaRegistryException"/> 42201.</summary>
    public static Schema Parse(string schema)
    {
        try
        {
            return Schema.Parse(schema);
        }
        catch (AvroException ex)
        {
            throw RegistryErrors.Of(SchemaRegistryErrorCodes.InvalidSchema, "Invalid schema: " + ex.Message);
        }
    }

    /// <summary>
    /// The text two schemas are the same by: Apache.Avro's normalized JSON, so whitespace and attribute order do not
    /// matter but defaults, docs and aliases do (unlike the Parsing Canonical Form, which drops them).
    /// </summary>
    public static string Canonical(Schema schema) => schema.ToString();
}
