using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Avro;
using Avro.Generic;
using Avro.IO;
using Confluent.Kafka;
using StreamsApp.Streams.Serialization.Internal;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>
/// Writes records in Confluent's wire format, registering (or looking up) each writer schema under the topic's
/// subject once; later records of the same schema and subject use the cached id and Apache.Avro writer.
/// </summary>
/// <remarks>
/// The cache is keyed by the schema instance, not by its structure: specific records share their type's static
/// schema and generic records usually one parsed schema, and structural hashing would walk the whole schema for
/// every record. A weak table lets schemas parsed per record be collected with their entries instead of piling up.
/// </remarks>
/// <typeparam name="T">A specific record type or <c>GenericRecord</c>.</typeparam>
internal sealed class AvroSerializer<T> : ISerializer<T>
    where T : class
{
    private readonly Confluent.SchemaRegistry.ISchemaRegistryClient _registry;
    private readonly bool _autoRegister;
    private readonly ConditionalWeakTable<Schema, ConcurrentDictionary<(string Topic, MessageComponentType Component), SchemaWriter>> _writers = [];
    private readonly AvroDatum<T> _datum;

    public AvroSerializer(Confluent.SchemaRegistry.ISchemaRegistryClient registry, AvroDatum<T> datum, bool autoRegister)
    {
        _registry = registry;
        _datum = datum;
        _autoRegister = autoRegister;
    }

    public byte[] Serialize(T data, SerializationContext context)
    {
        if (data is null)
        {
            return null!; // Null bytes: a tombstone, as in Kafka.
        }

        if (context.Topic is null)
        {
            throw SerdeErrors.Serializing(
                context, typeof(T), "no topic to name the Schema Registry subject after", innerException: null);
        }

        var schema = AvroDatum<T>.WriterSchemaOf(data);
        var byTopic = _writers.GetValue(schema, _ => new());
        if (!byTopic.TryGetValue((context.Topic, context.Component), out var writer))
        {
            var subject = TopicNameStrategy.Subject(context.Topic, context.Component);
            writer = new SchemaWriter(ResolveId(subject, schema, context), _datum.CreateWriter(schema));
            byTopic.TryAdd((context.Topic, context.Component), writer);
        }

        using var stream = new MemoryStream();
        WireFormat.WriteHeader(stream, writer.Id);
        try
        {
            writer.Writer.Write(data, new BinaryEncoder(stream));
        }
        catch (Exception ex) when (AvroDataErrors.Matches(ex))
        {
            throw SerdeErrors.Serializing(context, typeof(T), "the record does not match its schema: " + ex.Message, ex);
        }

        return stream.ToArray();
    }

    private int ResolveId(string subject, Schema schema, SerializationContext context)
    {
        try
        {
            var text = new Confluent.SchemaRegistry.Schema(schema.ToString(), Confluent.SchemaRegistry.SchemaType.Avro);
            return _autoRegister
                ? Blocking.Wait(_registry.RegisterSchemaAsync(subject, text))
                : Blocking.Wait(_registry.GetSchemaIdAsync(subject, text));
        }
        catch (Exception ex) when (RegistryErrors.IsRegistryFailure(ex))
        {
            var action = _autoRegister ? "register" : "find";
            throw SerdeErrors.Serializing(
                context,
                typeof(T),
                "cannot " + action + " schema " + schema.Fullname + " under subject '" + subject + "': " + ex.Message,
                ex);
        }
    }

    private sealed record SchemaWriter(int Id, DatumWriter<T> Writer);
}
