using System.Collections.Generic;

namespace StreamsApp.Contracts.Generator;

/// <summary>The type of a field, as far as the generated C# needs it.</summary>
internal abstract class AvroType
{
}

/// <summary>A primitive: <c>string</c>, <c>int</c>, <c>long</c>, <c>boolean</c>, <c>float</c>, <c>double</c>, <c>bytes</c>.</summary>
internal sealed class PrimitiveType(string name) : AvroType
{
    public string Name { get; } = name;
}

/// <summary><c>bytes</c> with the <c>decimal</c> logical type.</summary>
internal sealed class DecimalType(int scale) : AvroType
{
    public int Scale { get; } = scale;
}

/// <summary><c>long</c> with the <c>timestamp-millis</c> logical type.</summary>
internal sealed class TimestampType : AvroType
{
    public static TimestampType Instance { get; } = new();
}

/// <summary>A record or enum, by full name (defined here or in another schema file).</summary>
internal sealed class NamedType(string fullName) : AvroType
{
    public string FullName { get; } = fullName;
}

/// <summary>An array.</summary>
internal sealed class ArrayType(AvroType items) : AvroType
{
    public AvroType Items { get; } = items;
}

/// <summary><c>["null", T]</c>: an optional value.</summary>
internal sealed class OptionalType(AvroType value) : AvroType
{
    public AvroType Value { get; } = value;
}

/// <summary>A union of records (an envelope's message): the C# property has the interface they all implement.</summary>
internal sealed class RecordUnionType(IReadOnlyList<string> branches) : AvroType
{
    public IReadOnlyList<string> Branches { get; } = branches;
}

/// <summary>A named schema: a record with its fields, or an enum with its symbols.</summary>
internal sealed class NamedSchema(string fullName, string? doc, IReadOnlyList<FieldSchema>? fields, IReadOnlyList<string>? symbols, string file)
{
    public string FullName { get; } = fullName;

    public string Namespace => FullName.Substring(0, FullName.LastIndexOf('.'));

    public string Name => FullName.Substring(FullName.LastIndexOf('.') + 1);

    public string? Doc { get; } = doc;

    /// <summary>The fields, in schema order; null for an enum.</summary>
    public IReadOnlyList<FieldSchema>? Fields { get; } = fields;

    /// <summary>The symbols, in schema order; null for a record.</summary>
    public IReadOnlyList<string>? Symbols { get; } = symbols;

    /// <summary>The file defining it, relative to <c>schemas/</c>.</summary>
    public string File { get; } = file;

    public bool IsEnum => Symbols is not null;
}

/// <summary>A record field.</summary>
internal sealed class FieldSchema(string name, string? doc, AvroType type)
{
    public string Name { get; } = name;

    public string? Doc { get; } = doc;

    public AvroType Type { get; } = type;
}
