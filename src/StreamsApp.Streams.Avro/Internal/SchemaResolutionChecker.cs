using Avro;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>
/// Avro's schema resolution rules (the specification's "Schema Resolution"): can data written with one schema be
/// read with another? Collects every incompatibility with its path in the reader schema instead of stopping at the
/// first, so a rejected schema can be fixed in one go.
/// </summary>
internal sealed class SchemaResolutionChecker
{
    private readonly List<SchemaIncompatibility> _incompatibilities = [];

    // Named pairs already being checked: recursive types (a tree node holding nodes) would otherwise never end.
    private readonly HashSet<(string Reader, string Writer)> _visiting = [];

    private SchemaResolutionChecker()
    {
    }

    public static IReadOnlyList<SchemaIncompatibility> Check(Schema reader, Schema writer)
    {
        var checker = new SchemaResolutionChecker();
        checker.CheckSchema(reader, writer, string.Empty);
        return checker._incompatibilities;
    }

    private void CheckSchema(Schema reader, Schema writer, string path)
    {
        // Logical types resolve as their underlying types (Avro's own checkers ignore the annotation).
        reader = reader is LogicalSchema readerLogical ? readerLogical.BaseSchema : reader;
        writer = writer is LogicalSchema writerLogical ? writerLogical.BaseSchema : writer;

        if (writer is UnionSchema writerUnion)
        {
            // Every branch the writer may have used must be readable.
            for (int i = 0; i < writerUnion.Count; i++)
            {
                CheckSchema(reader, writerUnion[i], path + "/types/" + i.ToInvariantString());
            }

            return;
        }

        if (reader is UnionSchema readerUnion)
        {
            CheckReaderUnion(readerUnion, writer, path);
            return;
        }

        if (reader.Tag != writer.Tag)
        {
            if (!Promotions.CanPromote(writer.Tag, reader.Tag))
            {
                Add(path, "reader type " + TypeName(reader) + " cannot read writer type " + TypeName(writer));
            }

            return;
        }

        switch (reader)
        {
            case RecordSchema readerRecord:
                CheckNamed(readerRecord, (NamedSchema)writer, path, () => CheckRecord(readerRecord, (RecordSchema)writer, path));
                break;
            case EnumSchema readerEnum:
                CheckNamed(readerEnum, (NamedSchema)writer, path, () => CheckEnum(readerEnum, (EnumSchema)writer, path));
                break;
            case FixedSchema readerFixed:
                CheckNamed(readerFixed, (NamedSchema)writer, path, () => CheckFixed(readerFixed, (FixedSchema)writer, path));
                break;
            case ArraySchema readerArray:
                CheckSchema(readerArray.ItemSchema, ((ArraySchema)writer).ItemSchema, path + "/items");
                break;
            case MapSchema readerMap:
                CheckSchema(readerMap.ValueSchema, ((MapSchema)writer).ValueSchema, path + "/values");
                break;
        }
    }

    private void CheckReaderUnion(UnionSchema reader, Schema writer, string path)
    {
        // The specification picks the first reader branch that matches the writer; "matches" is taken as "resolves".
        // Branches are tried in this checker (not a fresh one) so recursive types still see the pairs in progress.
        int before = _incompatibilities.Count;
        for (int i = 0; i < reader.Count; i++)
        {
            CheckSchema(reader[i], writer, path);
            bool resolves = _incompatibilities.Count == before;
            _incompatibilities.RemoveRange(before, _incompatibilities.Count - before);
            if (resolves)
            {
                return;
            }
        }

        Add(path, "reader union has no branch that can read writer type " + TypeName(writer));
    }

    private void CheckNamed(NamedSchema reader, NamedSchema writer, string path, Action checkContent)
    {
        // Apache.Avro keeps a named type's aliases internal, so only field aliases can be honoured.
        if (reader.Fullname != writer.Fullname)
        {
            Add(path + "/name", "reader name " + reader.Fullname + " does not match writer name " + writer.Fullname);
            return;
        }

        if (_visiting.Add((reader.Fullname, writer.Fullname)))
        {
            checkContent();
            _visiting.Remove((reader.Fullname, writer.Fullname));
        }
    }

    private void CheckRecord(RecordSchema reader, RecordSchema writer, string path)
    {
        // Fields match by name or by a reader field's alias; writer fields the reader lacks are skipped when reading.
        foreach (var readerField in reader.Fields)
        {
            var fieldPath = path + "/fields/" + readerField.Name;
            var writerField = FindWriterField(readerField, writer);
            if (writerField is not null)
            {
                CheckSchema(readerField.Schema, writerField.Schema, fieldPath);
            }
            else if (readerField.DefaultValue is null)
            {
                Add(fieldPath, "reader field has no default and is missing in writer");
            }
        }
    }

    private static Field? FindWriterField(Field readerField, RecordSchema writer)
    {
        if (writer.TryGetField(readerField.Name, out var field))
        {
            return field;
        }

        foreach (var alias in readerField.Aliases ?? [])
        {
            if (writer.TryGetField(alias, out field))
            {
                return field;
            }
        }

        return null;
    }

    private void CheckEnum(EnumSchema reader, EnumSchema writer, string path)
    {
        if (reader.Default is not null)
        {
            return; // Unknown writer symbols read as the reader's default.
        }

        foreach (var symbol in writer.Symbols)
        {
            if (!reader.Contains(symbol))
            {
                Add(path + "/symbols", "writer symbol " + symbol + " is missing in reader, which has no default");
            }
        }
    }

    private void CheckFixed(FixedSchema reader, FixedSchema writer, string path)
    {
        if (reader.Size != writer.Size)
        {
            Add(
                path + "/size",
                "reader size " + reader.Size.ToInvariantString() + " differs from writer size " + writer.Size.ToInvariantString());
        }
    }

    private void Add(string path, string message) =>
        _incompatibilities.Add(new SchemaIncompatibility(path.Length == 0 ? "/" : path, message));

    private static string TypeName(Schema schema) =>
        schema is NamedSchema named ? schema.Tag.ToString().ToLowerInvariant() + " " + named.Fullname
            : schema.Tag.ToString().ToLowerInvariant();
}
