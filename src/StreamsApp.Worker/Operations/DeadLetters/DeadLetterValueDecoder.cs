using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Text;
using Avro;
using Avro.Generic;
using Avro.IO;
using Confluent.SchemaRegistry;
using Schema = Avro.Schema;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Operations.DeadLetters;

/// <summary>
/// Shows a dead-lettered value that is Avro in Confluent's wire format (a zero byte, the writer schema's id, the
/// datum) as Avro's JSON encoding, read with the writer schema from the registry: a record dead-lettered for what it
/// says (an invalid order) is readable, not base64. A value that is not such Avro, or whose schema the registry cannot
/// give now, stays as it was: the page shows what it can rather than failing.
/// </summary>
internal sealed class DeadLetterValueDecoder(KafkaConnection connection)
{
    /// <summary>The <see cref="DeadLetterEntry.ValueEncoding"/> of a value decoded here.</summary>
    public const string AvroJson = "avro-json";

    private const byte MagicByte = 0;
    private const int HeaderLength = 5;

    private readonly ConcurrentDictionary<int, Schema> _schemas = new();

    /// <summary><paramref name="page"/> with each Avro value decoded.</summary>
    public async Task<DeadLetterPage> DecodeAsync(DeadLetterPage page)
    {
        var items = new List<DeadLetterEntry>(page.Items.Count);
        foreach (var entry in page.Items)
        {
            items.Add(await DecodeAsync(entry).ConfigureAwait(false));
        }

        return page with { Items = items };
    }

    private async Task<DeadLetterEntry> DecodeAsync(DeadLetterEntry entry)
    {
        if (entry.ValueEncoding != DeadLetterEntry.Base64 || Convert.FromBase64String(entry.Value!) is not { Length: >= HeaderLength } bytes
            || bytes[0] != MagicByte)
        {
            return entry;
        }

        var schemaId = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4));
        try
        {
            var schema = await WriterSchemaAsync(schemaId).ConfigureAwait(false);
            return schema is null ? entry : entry with { Value = ToJson(schema, bytes), ValueEncoding = AvroJson, SchemaId = schemaId };
        }
        catch (Exception e) when (e is SchemaRegistryException or HttpRequestException or AvroException or IOException or ArgumentException)
        {
            // Not the datum its header says, or no schema to read it with now: shown as the bytes it is.
            return entry;
        }
    }

    private async Task<Schema?> WriterSchemaAsync(int id)
    {
        if (_schemas.TryGetValue(id, out var known))
        {
            return known;
        }

        var registered = await connection.Serdes.Registry.GetSchemaAsync(id).ConfigureAwait(false);
        return registered.SchemaType == SchemaType.Avro ? _schemas.GetOrAdd(id, Schema.Parse(registered.SchemaString)) : null;
    }

    private static string ToJson(Schema schema, byte[] bytes)
    {
        using var input = new MemoryStream(bytes, HeaderLength, bytes.Length - HeaderLength);
        var datum = new GenericDatumReader<object>(schema, schema).Read(null!, new BinaryDecoder(input));
        if (input.Position != input.Length)
        {
            throw new AvroException($"{input.Length - input.Position} bytes after the datum");
        }

        using var output = new MemoryStream();
        var encoder = new JsonEncoder(schema, output);
        new GenericDatumWriter<object>(schema).Write(datum, encoder);
        encoder.Flush();
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
