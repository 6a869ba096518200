using System.Collections.Concurrent;
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
/// <typeparam name="T">A specific record type or <c>GenericRecord</c>.</typeparam>
internal sealed class AvroSerializer<T> : ISerializer<T>
    where T : class
{
    private readonly ISchemaRegistryClient _registry;
    private readonly bool _autoRegister;
    private readonly ConcurrentDictionary<(string Subject, Schema Schema), (int Id, DatumWriter<T> Writer)> _writers = new();
    private readonly AvroDatum<T> _datum;

    public AvroSerializer(ISchemaRegistryClient registry, AvroDatum<T> datum, bool autoRegister)
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

        var subject = TopicNameStrategy.Subject(context.Topic, context.Component);
        var schema = AvroDatum<T>.WriterSchemaOf(data);
        if (!_writers.TryGetValue((subject, schema), out var writer))
        {
            writer = (ResolveId(subject, schema, context), _datum.CreateWriter(schema));
            _writers.TryAdd((subject, schema), writer);
        }

        using var stream = new MemoryStream();
        WireFormat.WriteHeader(stream, writer.Id);
        try
        {
            writer.Writer.Write(data, new BinaryEncoder(stream));
        }
        catch (AvroException ex)
        {
            throw SerdeErrors.Serializing(context, typeof(T), "the record does not match its schema: " + ex.Message, ex);
        }

        return stream.ToArray();
    }

    private int ResolveId(string subject, Schema schema, SerializationContext context)
    {
        try
        {
            return _autoRegister
                ? Blocking.Wait(_registry.RegisterSchemaAsync(subject, schema.ToString()))
                : Blocking.Wait(_registry.LookupSchemaAsync(subject, schema.ToString())).Id;
        }
        catch (SchemaRegistryException ex)
        {
            var action = _autoRegister ? "register" : "find";
            throw SerdeErrors.Serializing(
                context,
                typeof(T),
                "cannot " + action + " schema " + schema.Fullname + " under subject '" + subject + "': " + ex.Message,
                ex);
        }
    }
}
