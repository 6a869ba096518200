using System.Collections.Concurrent;
using Avro;
using Avro.Generic;
using Avro.IO;
using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization.Internal;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>
/// Reads records in Confluent's wire format: fetches each writer schema by its id once, checks that the reader
/// schema can resolve it, and keeps one Apache.Avro reader per writer id for later records.
/// </summary>
/// <typeparam name="T">A specific record type or <c>GenericRecord</c>.</typeparam>
internal sealed class AvroDeserializer<T> : IDeserializer<T>
    where T : class
{
    private readonly Confluent.SchemaRegistry.ISchemaRegistryClient _registry;
    private readonly AvroDatum<T> _datum;
    private readonly ConcurrentDictionary<int, DatumReader<T>> _readers = new();

    public AvroDeserializer(Confluent.SchemaRegistry.ISchemaRegistryClient registry, AvroDatum<T> datum)
    {
        _registry = registry;
        _datum = datum;
    }

    public T Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull)
        {
            return null!; // Null bytes read as null: a tombstone.
        }

        if (!WireFormat.TryReadHeader(data, out int schemaId, out var error))
        {
            throw SerdeErrors.Deserializing(context, typeof(T), error!, innerException: null);
        }

        if (!_readers.TryGetValue(schemaId, out var reader))
        {
            reader = CreateReader(schemaId, context);
            _readers.TryAdd(schemaId, reader);
        }

        using var stream = new MemoryStream(data[WireFormat.HeaderSize..].ToArray(), writable: false);
        try
        {
            return reader.Read(default!, new BinaryDecoder(stream));
        }
        catch (Exception ex) when (AvroDataErrors.Matches(ex))
        {
            throw SerdeErrors.Deserializing(
                context,
                typeof(T),
                "truncated or corrupt Avro payload for writer schema id " + schemaId.ToInvariantString() + ": " + ex.Message,
                ex);
        }
    }

    private DatumReader<T> CreateReader(int schemaId, SerializationContext context)
    {
        Schema writer;
        try
        {
            writer = AvroSchemaText.Parse(Blocking.Wait(_registry.GetSchemaAsync(schemaId)).SchemaString);
        }
        catch (Exception ex) when (RegistryErrors.IsRegistryFailure(ex))
        {
            throw SerdeErrors.Deserializing(
                context, typeof(T), "cannot get writer schema id " + schemaId.ToInvariantString() + ": " + ex.Message, ex);
        }

        var incompatibilities = AvroCompatibility.CheckCanRead(_datum.ReaderSchema(writer), writer);
        if (incompatibilities.Count > 0)
        {
            throw Incompatible(context, schemaId, string.Join("; ", incompatibilities), innerException: null);
        }

        try
        {
            return _datum.CreateReader(writer);
        }
        catch (AvroException ex)
        {
            // Apache.Avro's own check, should it be stricter than ours somewhere.
            throw Incompatible(context, schemaId, ex.Message, ex);
        }
    }

    private static SerdeException Incompatible(
        SerializationContext context, int schemaId, string reason, Exception? innerException) =>
        SerdeErrors.Deserializing(
            context,
            typeof(T),
            "reader schema cannot read writer schema id " + schemaId.ToInvariantString() + ": " + reason,
            innerException);
}
