using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace StreamsApp.Contracts.Generator;

/// <summary>
/// Every schema file read, and what the C# types are made of: one type per schema name, following the highest
/// version of the file named after it (<c>{domain}/{Name}.avsc</c> is version 1, <c>{Name}.vN.avsc</c> version N);
/// an interface per envelope (a record with a union of records), implemented by its message types; and
/// <c>ISagaMessage</c> on every record with a saga message's four fields.
/// </summary>
internal sealed class ContractCatalog
{
    private static readonly string[] SagaMessageFields = ["messageId", "sagaId", "orderId", "timestamp"];
    private readonly Dictionary<string, NamedSchema> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _envelopesOf = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="files"/> (path relative to <c>schemas/</c>, text).</summary>
    /// <exception cref="FormatException">A file is not a schema the generator maps to C#.</exception>
    public ContractCatalog(IEnumerable<(string Path, string Text)> files)
    {
        var read = files.Select(file => (file.Path, Version: Version(file.Path), Schemas: SchemaReader.Read(file.Path, file.Text))).ToList();
        Types = read.GroupBy(file => file.Schemas[0].FullName, StringComparer.Ordinal)
            .Select(family => family.OrderByDescending(file => file.Version).First().Schemas[0])
            .OrderBy(schema => schema.FullName, StringComparer.Ordinal)
            .ToList();

        // A name defined only inline (no file of its own) still has a kind: the current types' definitions win.
        foreach (var schema in Types.Concat(read.SelectMany(file => file.Schemas)))
        {
            if (!_byName.ContainsKey(schema.FullName))
            {
                _byName.Add(schema.FullName, schema);
            }
        }

        foreach (var envelope in Types.Where(IsEnvelope))
        {
            foreach (var branch in ((RecordUnionType)envelope.Fields![0].Type).Branches)
            {
                if (!_envelopesOf.TryGetValue(branch, out var envelopes))
                {
                    _envelopesOf.Add(branch, envelopes = []);
                }

                envelopes.Add(envelope.FullName);
            }
        }
    }

    /// <summary>The schemas the C# types follow, one per name, by full name.</summary>
    public IReadOnlyList<NamedSchema> Types { get; }

    /// <summary>Whether <paramref name="fullName"/> names an enum.</summary>
    /// <exception cref="FormatException">No file defines the name.</exception>
    public bool IsEnum(string fullName) =>
        _byName.TryGetValue(fullName, out var schema) ? schema.IsEnum : throw new FormatException($"No schema file defines {fullName}");

    /// <summary>An envelope: a record whose one field is a union of records, the messages of its topic.</summary>
    public static bool IsEnvelope(NamedSchema schema) => schema.Fields is { Count: 1 } fields && fields[0].Type is RecordUnionType;

    /// <summary>The interface an envelope's messages implement: <c>I</c> and its name, in its namespace.</summary>
    public static string MessageInterface(string envelopeFullName)
    {
        var dot = envelopeFullName.LastIndexOf('.');
        return envelopeFullName.Substring(0, dot + 1) + "I" + envelopeFullName.Substring(dot + 1);
    }

    /// <summary>The envelopes whose union has <paramref name="schema"/> as a branch.</summary>
    public IReadOnlyList<string> EnvelopesOf(NamedSchema schema) =>
        _envelopesOf.TryGetValue(schema.FullName, out var envelopes) ? envelopes : [];

    /// <summary>Whether every branch of <paramref name="envelope"/> is a saga message.</summary>
    public bool CarriesSagaMessages(NamedSchema envelope) =>
        ((RecordUnionType)envelope.Fields![0].Type).Branches.All(branch => _byName.TryGetValue(branch, out var schema) && IsSagaMessage(schema));

    /// <summary>A record with the fields every saga message has: messageId, sagaId, orderId (strings) and timestamp.</summary>
    public static bool IsSagaMessage(NamedSchema schema) =>
        schema.Fields is { } fields
        && SagaMessageFields.All(name => fields.Any(field => field.Name == name
            && (name == "timestamp" ? field.Type is TimestampType : field.Type is PrimitiveType { Name: "string" })));

    private static int Version(string path)
    {
        var stem = path.Substring(path.LastIndexOf('/') + 1);
        stem = stem.Substring(0, stem.Length - ".avsc".Length);
        var marker = stem.LastIndexOf(".v", StringComparison.Ordinal);
        return marker > 0 && int.TryParse(stem.Substring(marker + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 1;
    }
}
