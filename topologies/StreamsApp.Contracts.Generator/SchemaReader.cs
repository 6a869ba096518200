using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace StreamsApp.Contracts.Generator;

/// <summary>
/// Reads one <c>.avsc</c> file: its top-level schema and every named schema defined inline in it. Names resolve as
/// Avro's do: a name without a dot takes the namespace of the schema around it.
/// </summary>
internal sealed class SchemaReader
{
    private readonly string _file;
    private readonly List<NamedSchema> _defined = [];

    private SchemaReader(string file) => _file = file;

    /// <summary>The file's top-level schema, then the named schemas it defines inside.</summary>
    /// <exception cref="FormatException">The file is not an Avro schema this generator can map to C#.</exception>
    public static IReadOnlyList<NamedSchema> Read(string file, string text)
    {
        var reader = new SchemaReader(file);
        var top = reader.Type(Json.Parse(text), enclosingNamespace: "");
        if (top is not NamedType named)
        {
            throw new FormatException($"{file}: the top-level schema is not a record or an enum");
        }

        var defined = reader._defined;
        var first = defined.Single(schema => schema.FullName == named.FullName);
        return [first, .. defined.Where(schema => schema != first)];
    }

    private AvroType Type(object? json, string enclosingNamespace) => json switch
    {
        string name => Reference(name, enclosingNamespace),
        List<object?> union => Union(union, enclosingNamespace),
        List<KeyValuePair<string, object?>> schema => Complex(schema, enclosingNamespace),
        _ => throw Error($"unexpected type {json}"),
    };

    private static AvroType Reference(string name, string enclosingNamespace) => name switch
    {
        "string" or "int" or "long" or "boolean" or "float" or "double" or "bytes" => new PrimitiveType(name),
        _ => new NamedType(name.IndexOf('.') >= 0 || enclosingNamespace.Length == 0 ? name : enclosingNamespace + "." + name),
    };

    private AvroType Union(List<object?> branches, string enclosingNamespace)
    {
        var types = branches.Where(branch => !Equals(branch, "null")).Select(branch => Type(branch, enclosingNamespace)).ToList();
        if (types.Count == 1 && branches.Count == 2)
        {
            return new OptionalType(types[0]);
        }

        return branches.Count == types.Count && types.All(type => type is NamedType)
            ? new RecordUnionType([.. types.Cast<NamedType>().Select(type => type.FullName)])
            : throw Error("a union is either [\"null\", T] or a union of records");
    }

    private AvroType Complex(List<KeyValuePair<string, object?>> schema, string enclosingNamespace)
    {
        var kind = Text(schema, "type");
        switch (kind)
        {
            case "record":
            case "enum":
                return Define(schema, kind, enclosingNamespace);
            case "array":
                return new ArrayType(Type(Member(schema, "items"), enclosingNamespace));
            case "bytes" when Text(schema, "logicalType") == "decimal":
                return new DecimalType(int.Parse(Member(schema, "scale") as string ?? "0", CultureInfo.InvariantCulture));
            case "long" when Text(schema, "logicalType") == "timestamp-millis":
                return TimestampType.Instance;
            default:
                return kind is not null ? Reference(kind, enclosingNamespace) : throw Error("a schema without a type");
        }
    }

    private NamedType Define(List<KeyValuePair<string, object?>> schema, string kind, string enclosingNamespace)
    {
        var name = Text(schema, "name") ?? throw Error($"a {kind} without a name");
        var space = Text(schema, "namespace") ?? enclosingNamespace;
        var fullName = name.IndexOf('.') >= 0 || space.Length == 0 ? name : space + "." + name;
        var ownNamespace = fullName.Substring(0, Math.Max(0, fullName.LastIndexOf('.')));
        var doc = Text(schema, "doc");
        if (kind == "enum")
        {
            var symbols = (Member(schema, "symbols") as List<object?>)?.Cast<string>().ToList() ?? throw Error($"enum {fullName} without symbols");
            _defined.Add(new NamedSchema(fullName, doc, null, symbols, _file));
        }
        else
        {
            var fields = (Member(schema, "fields") as List<object?> ?? throw Error($"record {fullName} without fields"))
                .Cast<List<KeyValuePair<string, object?>>>()
                .Select(field => new FieldSchema(
                    Text(field, "name") ?? throw Error($"a field of {fullName} without a name"), Text(field, "doc"), Type(Member(field, "type"), ownNamespace)))
                .ToList();
            _defined.Add(new NamedSchema(fullName, doc, fields, null, _file));
        }

        return new NamedType(fullName);
    }

    private static object? Member(List<KeyValuePair<string, object?>> schema, string name) =>
        schema.FirstOrDefault(member => member.Key == name).Value;

    private static string? Text(List<KeyValuePair<string, object?>> schema, string name) => Member(schema, name) as string;

    private FormatException Error(string problem) => new($"{_file}: {problem}");
}
